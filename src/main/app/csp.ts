// The Content-Security-Policy of the app's pages, for both shells: Electron
// sends it with every app:// response (app-scheme.ts), the headless host with
// its pages. 'self' is app://fernwartung there and http://127.0.0.1:<port>
// here. 'unsafe-inline' is for styles only: xterm.js writes <style> elements.
// No 'unsafe-eval': eval, new Function and setTimeout with a string throw.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // The headless host's WebSocket lives in a worker of our own bundle; Electron uses IPC and starts none.
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
