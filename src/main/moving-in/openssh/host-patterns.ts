// OpenSSH's host patterns (match.c): `*` is any run of characters, `?` one
// character, a leading `!` negates. A `Host` line lists patterns separated by
// spaces; known_hosts and `Match host` take comma lists. Matching is
// case-sensitive, as in `match_pattern`: `Host Foo` does not apply to `ssh foo`.

/** Whether `text` matches one pattern (no list, no negation). */
export function matchPattern(text: string, pattern: string): boolean {
  // Why a loop and not a RegExp: a pattern is user text, and `*` backtracking
  // stays linear enough here without escaping every other character.
  let t = 0;
  let p = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === '*') {
      starP = p++;
      starT = t;
    } else if (c !== undefined && (c === '?' || c === text[t])) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

export function hasWildcard(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/** A pattern that names exactly one host: no wildcard, no negation, no list, no spaces. */
export function isConcretePattern(pattern: string): boolean {
  return pattern !== '' && !hasWildcard(pattern) && !pattern.startsWith('!') && !/[\s,]/.test(pattern);
}

/**
 * A `Host` line's arguments against a host, as readconf.c does: a matching
 * negated pattern switches the block off whatever else matches.
 */
export function matchHostLine(patterns: readonly string[], host: string): boolean {
  return hostLineMatcher(patterns)(host);
}

/**
 * matchHostLine for one line and many hosts: plain names are looked up in a
 * set and each other pattern is tried once, however often it is repeated, so
 * checking each alias of a line with thousands of them stays linear.
 */
export function hostLineMatcher(patterns: readonly string[]): (host: string) => boolean {
  const names = new Set<string>();
  const others = new Set<string>();
  for (const pattern of patterns) {
    if (hasWildcard(pattern) || pattern.startsWith('!')) others.add(pattern);
    else names.add(pattern);
  }
  return (host) => {
    let matched = names.has(host);
    for (const pattern of others) {
      const negated = pattern.startsWith('!');
      if (!matchPattern(host, negated ? pattern.slice(1) : pattern)) continue;
      if (negated) return false;
      matched = true;
    }
    return matched;
  };
}

/** A comma list (`a,*.b,!c`), as match_pattern_list does for known_hosts and `Match host`. */
export function matchPatternList(list: string, host: string): boolean {
  return matchHostLine(list.split(','), host);
}
