// Updates through electron-updater (issue 12): off until an update URL is set. A stub until it lands.
export function startUpdater(): void {}
