import { describe, expect, it } from 'vitest';
import {
  isConcretePattern,
  matchHostLine,
  matchPattern,
  matchPatternList,
} from '../../../../src/main/moving-in/openssh/host-patterns';

describe('OpenSSH host patterns', () => {
  it('matches `*` and `?` like match_pattern, case-sensitively', () => {
    expect(matchPattern('backup.meine-schule.de', '*.meine-schule.de')).toBe(true);
    expect(matchPattern('meine-schule.de', '*.meine-schule.de')).toBe(false);
    expect(matchPattern('10.0.0.2', '10.0.0.?')).toBe(true);
    expect(matchPattern('10.0.0.20', '10.0.0.?')).toBe(false);
    expect(matchPattern('anything', '*')).toBe(true);
    expect(matchPattern('', '*')).toBe(true);
    expect(matchPattern('abcabd', '*a*d')).toBe(true);
    expect(matchPattern('abcabe', '*a*d')).toBe(false);
    expect(matchPattern('Foo', 'foo')).toBe(false);
    expect(matchPattern('a.b', 'a?b')).toBe(true);
  });

  it('lets a matching negation switch a Host line off whatever else matches', () => {
    expect(matchHostLine(['*', '!portal'], 'schule')).toBe(true);
    expect(matchHostLine(['*', '!portal'], 'portal')).toBe(false);
    expect(matchHostLine(['!portal', '*'], 'portal')).toBe(false);
    expect(matchHostLine(['!portal'], 'schule')).toBe(false);
    expect(matchHostLine(['a', 'b'], 'b')).toBe(true);
  });

  it('reads comma lists for known_hosts, and a Host alias is concrete only without wildcards, lists or negation', () => {
    expect(matchPatternList('a.de,*.b.de,!x.b.de', 'y.b.de')).toBe(true);
    expect(matchPatternList('a.de,*.b.de,!x.b.de', 'x.b.de')).toBe(false);
    expect(matchPatternList('a.de,*.b.de', 'c.de')).toBe(false);
    expect(isConcretePattern('schule-a')).toBe(true);
    for (const pattern of ['*', 'schule?', '!schule', 'a,b', ''])
      expect(isConcretePattern(pattern)).toBe(false);
  });
});
