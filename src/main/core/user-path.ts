// Paths as people type them: `~` and `~/…` (or `~\…` on Windows) mean the
// home folder. What to do with a relative path is the caller's decision.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function expandHome(path: string, home: string = homedir()): string {
  const trimmed = path.trim();
  if (trimmed === '~') return home;
  if (trimmed.startsWith('~/') || trimmed.startsWith('~\\')) return join(home, trimmed.slice(2));
  return trimmed;
}
