// The moving-in texts: German and English complete and alike (the compiler
// checks the keys; this checks the placeholders too), none empty, no other
// area overwritten, every literal key the views ask for there, and a text
// for every problem code, notCarried reason, skip reason and status.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textBundle } from '../../../src/renderer/i18n';
import { agentTexts } from '../../../src/renderer/i18n/locales/agent';
import { appTexts } from '../../../src/renderer/i18n/locales/app';
import { keyTexts } from '../../../src/renderer/i18n/locales/keys';
import { movingInTexts } from '../../../src/renderer/i18n/locales/moving-in';
import { sessionTexts } from '../../../src/renderer/i18n/locales/sessions';
import { terminalTexts } from '../../../src/renderer/i18n/locales/terminal';
import { importSkipReasons, previewStatuses } from '../../../src/shared/contract/moving-in';
import { importProblemCodes, notCarriedSchema } from '../../../src/shared/model/moving-in';
import { i18nFor } from './render';

function leaves(tree: unknown, prefix = ''): Array<[string, string]> {
  if (typeof tree === 'string') return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    leaves(value, prefix ? `${prefix}.${key}` : key),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const de = new Map(leaves(movingInTexts.de));
const en = new Map(leaves(movingInTexts.en));

describe('moving-in texts', () => {
  it('has the same keys and the same placeholders in German and English, none empty', () => {
    expect([...en.keys()].sort()).toEqual([...de.keys()].sort());
    for (const [key, text] of de) {
      expect(text.trim(), key).not.toBe('');
      expect(en.get(key)!.trim(), key).not.toBe('');
      expect(placeholders(en.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it('overwrites no other area', () => {
    const others = [appTexts, terminalTexts, keyTexts, agentTexts, sessionTexts].flatMap((area) =>
      Object.keys(area.de),
    );
    expect(Object.keys(movingInTexts.de).filter((top) => others.includes(top))).toEqual([]);
  });

  it('is part of the app bundle in both languages', () => {
    expect((textBundle('de') as Record<string, unknown>).movingIn).toBe(movingInTexts.de.movingIn);
    expect((textBundle('en') as Record<string, unknown>).movingIn).toBe(movingInTexts.en.movingIn);
  });

  /** As the app's i18next finds it (error and problem codes hold dots); a plural by its `_one`. */
  const exists = async (key: string) => {
    const i18n = await i18nFor('de');
    return i18n.exists(key) || i18n.exists(`${key}_one`);
  };
  const missing = async (keys: string[]) =>
    (await Promise.all(keys.map(async (key) => ((await exists(key)) ? null : key)))).filter(Boolean);

  it('has every literal key the moving-in views and the profile list ask for', async () => {
    const dir = 'src/renderer/views/moving-in';
    const files = [
      ...readdirSync(dir).map((name) => join(dir, name)),
      'src/renderer/views/profiles/ProfileList.tsx',
    ];
    const used = files
      .filter((file) => /\.tsx?$/.test(file))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z0-9_.]+)'/g)].map((m) => m[1]!),
      );
    expect(used.filter((key) => key.startsWith('movingIn.')).length).toBeGreaterThan(40);
    expect(await missing(used)).toEqual([]);
    expect(await missing(['movingIn.no.such'])).toEqual(['movingIn.no.such']);
  });

  it('has a text for every problem code, notCarried reason, skip reason and status', async () => {
    const keys = [
      ...importProblemCodes.map((code) => `movingIn.problem.${code}`),
      ...notCarriedSchema.shape.reason.options.map((reason) => `movingIn.notCarried.${reason}`),
      ...importSkipReasons.map((reason) => `movingIn.result.skip.${reason}`),
      ...previewStatuses.flatMap((s) => [`movingIn.profile.status.${s}`, `movingIn.hostKey.status.${s}`]),
      ...['new', 'missing', 'loaded'].map((s) => `movingIn.keyFile.status.${s}`),
    ];
    expect(await missing(keys)).toEqual([]);
    for (const code of importProblemCodes) expect(en.has(`movingIn.problem.${code}`), code).toBe(true);
  });
});
