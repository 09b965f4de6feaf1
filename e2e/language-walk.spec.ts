// Switching to English leaves no German in any main view, and back: every
// view is walked with a live session open, and what the page shows (its
// visible text, accessible names and descriptions, aria-label, title and
// placeholder attributes) is searched for the German texts that differ from
// their English ones. Those come from the app's own text bundles: each
// text's fixed parts (interpolations cut out), leaving out short ones and
// any found in an English text too, so product names ("Fernwartung",
// "PuTTY") and words both languages share ("Server", "Port") never count.
import type { Page } from '@playwright/test';
import { textBundle } from '../src/renderer/i18n/text-bundle';
import { useServerWithKey } from './fixtures/keys';
import { expect, test } from './fixtures/test';
import { firstUseWithProfile } from './fixtures/ui';
import { flatten, walkViews, type Language } from './fixtures/views';

/** Shorter fixed parts ("Aus", "über") hit words of other texts or of the data shown. */
const MIN_FRAGMENT = 6;

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The fixed parts of `language`'s texts that differ from the other language's
 * text under the same key, with the keys they come from; none of them may be
 * shown while the other language is chosen.
 */
function onlyIn(language: Language): Map<string, string[]> {
  const own = flatten(textBundle(language));
  const other = flatten(textBundle(language === 'de' ? 'en' : 'de'));
  const otherTexts = [...other.values()].map(squeeze);
  const fragments = new Map<string, string[]>();
  for (const [key, text] of own) {
    if (other.get(key) === text) continue;
    for (const part of text.split(/\{\{[^}]*\}\}/)) {
      const fragment = squeeze(part);
      if (fragment.length < MIN_FRAGMENT || otherTexts.some((t) => t.includes(fragment))) continue;
      fragments.set(fragment, [...(fragments.get(fragment) ?? []), key]);
    }
  }
  return fragments;
}

const germanOnly = onlyIn('de');
const englishOnly = onlyIn('en');

/**
 * What the page says: its visible text nodes (not the terminal's output),
 * the options of its selects, the labelling attributes of every element
 * (shown or not), and the names and descriptions of the accessibility tree.
 */
async function pageTexts(page: Page): Promise<string[]> {
  const dom = await page.locator('body').evaluate((body) => {
    const doc = body.ownerDocument;
    const texts: string[] = [doc.title];
    const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('.xterm-screen, .xterm-rows, .xterm-accessibility')) continue;
      if (parent.closest('option') || parent.checkVisibility()) texts.push(node.textContent ?? '');
    }
    for (const element of body.querySelectorAll('*'))
      for (const name of [
        'aria-label',
        'title',
        'placeholder',
        'alt',
        'aria-roledescription',
        'aria-valuetext',
      ]) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    return texts;
  });
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: Array<{
        ignored: boolean;
        role?: { value?: string };
        name?: { value?: string };
        description?: { value?: string };
      }>;
    };
    const names = nodes
      // Text leaves repeat the text nodes above, and inside the terminal they are its output.
      .filter((node) => !node.ignored && !['StaticText', 'InlineTextBox'].includes(node.role?.value ?? ''))
      .flatMap((node) => [node.name?.value, node.description?.value])
      .filter((text): text is string => typeof text === 'string' && text !== '');
    return [...dom, ...names].map(squeeze).filter(Boolean);
  } finally {
    await cdp.detach();
  }
}

/**
 * What the page shows now, searched: the fragments of `forbidden` found (each
 * with its keys and where), and how many of `expected` are there (so a view
 * the search cannot see fails too).
 */
async function search(
  page: Page,
  forbidden: Map<string, string[]>,
  expected: Map<string, string[]>,
): Promise<{ found: string[]; expected: number }> {
  const texts = await pageTexts(page);
  const found: string[] = [];
  for (const [fragment, keys] of forbidden) {
    const where = texts.find((text) => text.includes(fragment));
    if (where !== undefined) found.push(`"${fragment}" (${keys.join(', ')}) in "${where.slice(0, 120)}"`);
  }
  const shown = [...expected.keys()].filter((fragment) => texts.some((text) => text.includes(fragment)));
  return { found, expected: shown.length };
}

const server = useServerWithKey('');

test('the texts the walk looks for are real German ones, not shared words or names', () => {
  expect(germanOnly.size).toBeGreaterThan(300);
  for (const shared of ['Fernwartung', 'Server', 'Port', 'PuTTY', 'DUO', 'Terminal'])
    expect(germanOnly.has(shared), shared).toBe(false);
  expect(germanOnly.get('Neues Profil')).toContain('profiles.new');
  expect(germanOnly.get('“ löschen?')).toContain('profiles.confirmRemove');
  expect(englishOnly.get('New profile')).toContain('profiles.new');
  // xterm.js's own name for its input, in the app's texts so that it follows the language.
  expect(englishOnly.get('Terminal input')).toContain('terminal.input');
});

test('switching to English leaves no German in any main view, and switching back no English', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await firstUseWithProfile(page, server);
  await page.getByRole('listitem', { name: 'Testschule' }).getByRole('button', { name: 'Verbinden' }).click();
  await page
    .getByRole('dialog', { name: 'Unbekannter Server' })
    .getByRole('button', { name: 'Akzeptieren und merken' })
    .click();
  await expect(page.getByRole('status')).toContainText('Verbunden');

  const found: string[] = [];
  const lookFor =
    (forbidden: Map<string, string[]>, expected: Map<string, string[]>) => async (view: string) => {
      const result = await search(page, forbidden, expected);
      for (const line of result.found) found.push(`${view}: ${line}`);
      if (result.expected === 0) found.push(`${view}: none of the language's own texts seen`);
    };

  await page.getByLabel('Sprache', { exact: true }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await walkViews(page, 'en', 'Testschule', lookFor(germanOnly, englishOnly));
  expect(found, 'German left in English').toEqual([]);

  await page.getByLabel('Language', { exact: true }).selectOption('de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('tab', { name: 'Einstellungen', exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Verbunden');
  await walkViews(page, 'de', 'Testschule', lookFor(englishOnly, germanOnly));
  expect(found, 'English left in German').toEqual([]);
});
