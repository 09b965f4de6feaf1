// The files an `Include` pattern names, as glob(3) finds them for OpenSSH:
// `*` and `?` in any path segment, names starting with `.` only when the
// segment does too, results sorted. A small walk over readdir instead of a
// dependency: config folders hold a handful of files. Bracket expressions
// (`[ab]`) are not supported and match literally.
import { lstat, readdir } from 'node:fs/promises';
import { join, parse, sep } from 'node:path';
import { hasWildcard, matchPattern } from './host-patterns';

export function isGlob(path: string): boolean {
  return hasWildcard(path);
}

/** Existing paths matching an absolute pattern; none when nothing matches (OpenSSH ignores that). */
export async function expandIncludeGlob(pattern: string): Promise<string[]> {
  const { root } = parse(pattern);
  const segments = pattern
    .slice(root.length)
    .split(sep === '\\' ? /[\\/]/ : '/')
    .filter((segment) => segment !== '');
  let found = [root];
  for (const segment of segments) {
    const next: string[] = [];
    for (const dir of found) {
      if (!hasWildcard(segment)) {
        next.push(join(dir, segment));
        continue;
      }
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names) {
        if (name.startsWith('.') && !segment.startsWith('.')) continue;
        if (matchPattern(name, segment)) next.push(join(dir, name));
      }
    }
    found = next;
  }
  // A literal segment after a wildcard was joined without looking: keep what exists.
  const existing = await Promise.all(
    found.map((path) =>
      lstat(path).then(
        () => true,
        () => false,
      ),
    ),
  );
  return found.filter((_, index) => existing[index]).sort();
}
