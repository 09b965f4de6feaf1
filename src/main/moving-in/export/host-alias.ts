// The `Host` alias a profile gets in an exported ssh config: typed on a
// command line, so lower case, no spaces, only [a-z0-9._-], and unique.
// German names keep their sound (Müller → mueller) rather than losing letters.

const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

export function aliasFromName(name: string): string {
  const alias = name
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => TRANSLITERATION[letter]!)
    .normalize('NFKD')
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9._-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return alias === '' ? 'profil' : alias;
}

/**
 * Aliases for names in order, each unique among themselves and not one of
 * `taken` (the portal host names, which get `Host` blocks of their own):
 * the second "Schule A" becomes `schule-a-2`.
 */
export function uniqueAliases(names: readonly string[], taken: Iterable<string> = []): string[] {
  const used = new Set(taken);
  return names.map((name) => {
    const base = aliasFromName(name);
    let alias = base;
    for (let n = 2; used.has(alias); n++) alias = `${base}-${n}`;
    used.add(alias);
    return alias;
  });
}
