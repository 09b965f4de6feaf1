// The Content-Security-Policy of the app's pages, for both shells (Electron
// adds it as a header, the headless host sends it). 'unsafe-inline' is for
// styles only: xterm.js writes <style> elements.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
