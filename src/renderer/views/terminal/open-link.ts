// Links in terminal output (found by the web-links addon, or OSC 8 hyperlinks
// a program prints) open outside the app, never in its page: only http and
// https, as a new window without opener, which Electron's window-open handler
// hands to the system's browser (src/main/electron/security.ts decides which).
// Anything else a server prints (javascript:, file:, custom schemes) is ignored.

/** The URL to open for `uri`, or undefined when it must not be opened. */
export function openableLink(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

/** Opening a link needs Ctrl (⌘ on macOS) with the click, so a click to focus or select never opens one. */
export function linkClickAllowed(event: Pick<MouseEvent, 'ctrlKey' | 'metaKey'>, mac: boolean): boolean {
  return mac ? event.metaKey : event.ctrlKey;
}

export function openLink(uri: string, open: typeof window.open = window.open.bind(window)): boolean {
  const href = openableLink(uri);
  if (href) open(href, '_blank', 'noopener,noreferrer');
  return href !== undefined;
}
