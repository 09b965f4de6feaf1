// Where PuTTY keeps its settings in the registry (HKEY_CURRENT_USER, per
// user). Keys outside this tree are none of the importer's business.

/** For `reg.exe export`. */
export const PUTTY_REGISTRY_KEY = 'HKCU\\Software\\SimonTatham\\PuTTY';

export type PuttyFolder = 'Sessions' | 'SshHostKeys';

const ROOT = /^(?:HKEY_CURRENT_USER|HKCU)\\Software\\SimonTatham\\PuTTY\\/i;

/**
 * The part of `path` below `…\PuTTY\<folder>`: '' for the folder itself, the
 * escaped session name for a session; undefined elsewhere.
 */
export function puttySubpath(path: string, folder: PuttyFolder): string | undefined {
  const root = ROOT.exec(path);
  if (!root) return undefined;
  const rest = path.slice(root[0].length);
  if (rest.toLowerCase() === folder.toLowerCase()) return '';
  if (rest.toLowerCase().startsWith(`${folder.toLowerCase()}\\`)) return rest.slice(folder.length + 1);
  return undefined;
}
