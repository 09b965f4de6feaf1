// Paths as people give them, one rule for the wizard, the agent and profiles:
// `~` and `~/…` (or `~\…` on Windows) mean the home folder. A relative path
// typed into the UI would depend on whatever folder the app runs in, so it is
// refused when it is saved or used (never by a stored document's schema, so
// no existing file is moved aside). A relative path on a command line means
// the folder it was typed in: the caller's working directory.
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { AppError } from './app-error';

export function expandHome(path: string, home: string = homedir()): string {
  const trimmed = path.trim();
  if (trimmed === '~') return home;
  if (trimmed.startsWith('~/') || trimmed.startsWith('~\\')) return resolve(home, trimmed.slice(2));
  return trimmed;
}

/** A path typed into the UI as an absolute path, or null when it is relative (or names only `~`). */
export function resolveUserPath(path: string, home: string = homedir()): string | null {
  // `~` alone names a folder, never a file.
  if (path.trim() === '~') return null;
  const expanded = expandHome(path, home);
  return isAbsolute(expanded) ? resolve(expanded) : null;
}

/** Like resolveUserPath, but a relative path is an error the user reads (`path.notAbsolute`). */
export function requireUserPath(path: string, home: string = homedir()): string {
  const resolved = resolveUserPath(path, home);
  if (!resolved) throw new AppError('path.notAbsolute', { path: path.trim() });
  return resolved;
}

/** A path from a command line: `~` expanded, relative to `cwd` (where it was typed). */
export function resolveCommandLinePath(path: string, cwd: string, home: string = homedir()): string {
  return resolve(cwd, expandHome(path, home));
}
