// macOS: whether this start is a login start that should stay in the tray.
// Windows and Linux start the app at login with `--hidden` (written only when
// the person chose a hidden start; lifecycle/launch-options.ts reads it).
// macOS 13+ passes no arguments to a login item (SMAppService) and no longer
// honours `openAsHidden`; Electron reports the login start itself as
// `app.getLoginItemSettings().wasOpenedAtLogin` (read from the launch event's
// keyAELaunchedAsLogInItem, restored in Electron 29+ by electron/electron#42411),
// and the `startHidden` setting decides.
export function macLoginStartHidden(facts: {
  platform: NodeJS.Platform;
  /** `app.getLoginItemSettings().wasOpenedAtLogin`. */
  wasOpenedAtLogin: boolean;
  startHidden: boolean;
}): boolean {
  return facts.platform === 'darwin' && facts.wasOpenedAtLogin && facts.startHidden;
}
