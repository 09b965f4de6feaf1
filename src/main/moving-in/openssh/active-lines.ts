// Which lines of a config apply to one host, by OpenSSH's rule: lines before
// the first Host line apply to all, a `Host` line switches on for the lines up
// to the next Host/Match line when one of its patterns matches, and an
// included file inherits the state of the line that includes it (and cannot
// switch on a block the include itself was outside of). The caller then takes
// the first value of each keyword, as OpenSSH does.
import type { ConfigDirective, ConfigFile } from './config-file';
import { hostLineMatcher } from './host-patterns';

/** One matcher per Host line, shared by every alias the config is evaluated for. */
const matchers = new WeakMap<ConfigDirective, (host: string) => boolean>();

function matchesHostLine(entry: ConfigDirective, host: string): boolean {
  let matcher = matchers.get(entry);
  if (!matcher) {
    matcher = hostLineMatcher(entry.args);
    matchers.set(entry, matcher);
  }
  return matcher(host);
}

export function activeLines(file: ConfigFile, host: string): ConfigDirective[] {
  const found: ConfigDirective[] = [];
  const state = { active: true };
  walk(file, host, state, false, found);
  return found;
}

function walk(
  file: ConfigFile,
  host: string,
  state: { active: boolean },
  neverMatch: boolean,
  found: ConfigDirective[],
): void {
  for (const entry of file.entries) {
    if (entry.kind === 'include') {
      const outer = state.active;
      for (const included of entry.files) {
        walk(included, host, state, neverMatch || !outer, found);
        // readconf.c: a Host or Match in an included file does not outlive it.
        state.active = outer;
      }
    } else if (entry.keyword === 'host') {
      state.active = !neverMatch && matchesHostLine(entry, host);
    } else if (entry.keyword === 'match') {
      // Match criteria (exec, user, canonical…) depend on the moment of connecting: not evaluated.
      state.active = false;
    } else if (state.active) {
      found.push(entry);
    }
  }
}
