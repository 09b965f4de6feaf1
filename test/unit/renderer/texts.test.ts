// Every UI text exists in German and English, no area overwrites another,
// and every literal key the views ask for is there.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyTexts } from '../../../src/renderer/i18n/locales/keys';
import { textAreas } from '../../../src/renderer/i18n/text-bundle';

// Every area the app loads, so an area added there is checked here too.
const areas = textAreas;

function leaves(tree: unknown, prefix = ''): string[] {
  if (typeof tree === 'string') return [prefix];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    leaves(value, prefix ? `${prefix}.${key}` : key),
  );
}

/** [key, text] of every text; keys may contain dots (problem codes), so never split them. */
function leafValues(tree: unknown, prefix = ''): Array<[string, string]> {
  if (typeof tree === 'string') return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    leafValues(value, prefix ? `${prefix}.${key}` : key),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('UI texts', () => {
  it('has the same keys in German and English in every area', () => {
    for (const [name, area] of Object.entries(areas)) {
      expect(leaves(area.en).sort(), name).toEqual(leaves(area.de).sort());
    }
  });

  it('has no empty texts but the strength hint before anything is typed', () => {
    for (const area of Object.values(areas)) {
      for (const language of ['de', 'en'] as const) {
        const empty = leafValues(area[language])
          .filter(([, value]) => value.trim() === '')
          .map(([key]) => key);
        expect(empty).toEqual(area === keyTexts ? ['keys.strength.empty'] : []);
      }
    }
  });

  it('lets no area overwrite another', () => {
    const owners = new Map<string, string>();
    for (const [name, area] of Object.entries(areas)) {
      for (const top of Object.keys(area.de)) {
        expect(owners.get(top), `${top} in ${name}`).toBeUndefined();
        owners.set(top, name);
      }
    }
  });

  it('has every literal key the views use', () => {
    // i18next plurals: `summary_one` and `summary_other` answer `summary`.
    const known = new Set(
      Object.values(areas).flatMap((area) => leaves(area.de).map((key) => key.replace(/_(one|other)$/, ''))),
    );
    const used = sourceFiles('src/renderer').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g)].map((m) => ({
        file,
        key: m[1]!,
      })),
    );
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter(({ key }) => !key.startsWith('errors.') && !known.has(key))).toEqual([]);
  });
});
