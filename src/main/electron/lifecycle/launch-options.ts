// How the app was started: `--hidden` is the start at login (tray only, no
// window until asked for), as Pageant starts silently with its key files.
export const HIDDEN_SWITCH = '--hidden';

/** Whether the command line asks for a start without a window. */
export function startsHidden(argv: readonly string[]): boolean {
  return argv.includes(HIDDEN_SWITCH);
}

/**
 * A second start brings up the window, except one that only hands over key
 * files (`Fernwartung key.ppk`, as with Pageant): that loads them and shows
 * nothing new (a key that needs its passphrase brings up the window through
 * its prompt); and except a `--hidden` one: the login start of an app the
 * person had already started.
 */
export function secondStartShowsWindow(argv: readonly string[], keyFiles: readonly string[]): boolean {
  return keyFiles.length === 0 && !startsHidden(argv);
}
