// The backend refuses relative key paths (they would depend on the app's
// working folder); the form says so before asking it.
export function isUsableKeyPath(path: string): boolean {
  const p = path.trim();
  return (
    p.startsWith('/') ||
    p.startsWith('~/') ||
    p.startsWith('~\\') ||
    /^[A-Za-z]:[\\/]/.test(p) ||
    p.startsWith('\\\\')
  );
}
