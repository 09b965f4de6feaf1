// The log folder as the settings view shows and checks it. Main decides with
// core/user-path.ts (`~` expanded, relative refused); this is the same rule
// for the message while typing: empty, `~/…`, or an absolute path of any
// platform (the renderer cannot ask Node).

/** `<data dir>/logs/sessions` in the platform's own spelling. */
export function defaultLogFolder(dataDir: string, platform: string): string {
  const separator = platform === 'win32' ? '\\' : '/';
  return [dataDir.replace(/[\\/]+$/, ''), 'logs', 'sessions'].join(separator);
}

export function isUsableLogFolder(folder: string): boolean {
  const path = folder.trim();
  if (path === '') return true;
  // `~` alone is refused by main as well (it names no file's folder the same way everywhere).
  return (
    /^~[\\/]/.test(path) || path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\')
  );
}
