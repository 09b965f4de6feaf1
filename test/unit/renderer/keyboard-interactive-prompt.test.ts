// The DUO dialog as static HTML: named by server and step, Duo's options as
// buttons naming the device, the raw prompt as text, a "Passcode" field
// (masked when echo is off), Senden and Abbrechen, and the countdown.
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { KeyboardInteractivePrompt } from '../../../src/renderer/views/prompts/KeyboardInteractivePrompt';
import type { Prompt } from '../../../src/shared/contract/prompts';
import { render, textOf } from './render';

const DUO_MENU = `Duo two-factor login for iserv-max.mustermann

Enter a passcode or select one of the following options:

 1. Duo Push to XXX-XXX-1078
 2. Phone call to XXX-XXX-1078
 3. SMS passcodes to XXX-XXX-1078 (next code starts with: 2)

Passcode or option (1-3): `;

type KeyboardInteractive = Extract<Prompt, { kind: 'keyboardInteractive' }>;

function request(overrides: Partial<KeyboardInteractive> = {}): KeyboardInteractive {
  return {
    id: 'k1',
    kind: 'keyboardInteractive',
    hop: { role: 'portal', host: 'meine-schule.de', port: 22, index: 1, count: 2 },
    username: 'iserv-max.mustermann',
    name: '',
    instructions: '',
    prompts: [{ prompt: DUO_MENU, echo: true }],
    deadline: Date.now() + 90_000,
    ...overrides,
  };
}

const show = (prompt: KeyboardInteractive, language: 'de' | 'en' = 'de') =>
  render(createElement(KeyboardInteractivePrompt, { prompt, answer: () => undefined }), language);

/** Button texts in order. */
const buttons = (html: string) =>
  [...html.matchAll(/<button[^>]*>(.*?)<\/button>/g)].map((m) => textOf(m[1]!));

/** The text of each <label>. */
const labels = (html: string) => [...html.matchAll(/<label[^>]*>(.*?)<\/label>/g)].map((m) => textOf(m[1]!));

describe('keyboard-interactive (DUO) dialog', () => {
  it('is named by the server and says the step', async () => {
    const html = await show(request());
    expect(html).toMatch(/<dialog[^>]*aria-labelledby="([^"]+)"/);
    const titleId = /<dialog[^>]*aria-labelledby="([^"]+)"/.exec(html)![1];
    expect(textOf(new RegExp(`<h2 id="${titleId}">(.*?)</h2>`).exec(html)![1]!)).toBe(
      'Anmeldung bestätigen – Portalserver meine-schule.de',
    );
    expect(textOf(html)).toContain('Schritt 1 von 2');
    const backup = await show(
      request({ hop: { role: 'backup', host: 'backup.meine-schule.de', port: 22, index: 2, count: 2 } }),
      'en',
    );
    expect(textOf(backup)).toContain('Confirm login – Backup server backup.meine-schule.de');
    expect(textOf(backup)).toContain('Step 2 of 2');
  });

  it("turns Duo's menu into buttons naming the device, with Passcode, Senden and Abbrechen", async () => {
    const html = await show(request());
    expect(buttons(html)).toEqual([
      'Push an XXX-XXX-1078',
      'Anruf an XXX-XXX-1078',
      'SMS-Passcodes an XXX-XXX-1078',
      'Senden',
      'Abbrechen',
    ]);
    expect(labels(html)).toEqual(['Passcode']);
    // The menu offers a passcode with echo on: the field shows what is typed.
    expect(html).toMatch(/<input[^>]*type="text"/);
    expect(textOf(html)).toContain('Der nächste SMS-Passcode beginnt mit 2.');
    const en = await show(request(), 'en');
    expect(buttons(en)).toEqual([
      'Push to XXX-XXX-1078',
      'Call XXX-XXX-1078',
      'SMS passcodes to XXX-XXX-1078',
      'Send',
      'Cancel',
    ]);
  });

  it('shows the raw prompt as text (not as a label) and ties it to the field', async () => {
    const html = await show(request());
    const pre = /<pre id="([^"]+)"[^>]*>([\s\S]*?)<\/pre>/.exec(html)!;
    expect(pre[2]).toContain('Duo two-factor login for iserv-max.mustermann');
    expect(pre[2]).toContain('Passcode or option (1-3):');
    expect(html).toContain(`aria-describedby="${pre[1]}"`);
  });

  it('masks a prompt with echo off and offers no buttons for a plain question', async () => {
    const html = await show(request({ prompts: [{ prompt: 'Password: ', echo: false }] }));
    expect(buttons(html)).toEqual(['Senden', 'Abbrechen']);
    expect(labels(html)).toEqual(['Passcode']);
    expect(html).toMatch(/<input[^>]*type="password"/);
    expect(textOf(html)).toContain('Password:');
  });

  it('gives every prompt of one request its own field', async () => {
    const html = await show(
      request({
        prompts: [
          { prompt: 'Enter passcode:', echo: false },
          { prompt: 'New SMS passcodes sent.\nUser code: ', echo: true },
        ],
      }),
    );
    expect(labels(html)).toEqual(['Passcode', 'User code:']);
    expect(html.match(/<input/g)).toHaveLength(2);
  });

  it("offers 'other' options by Duo's own label", async () => {
    const html = await show(
      request({
        prompts: [
          {
            prompt: 'Duo two-factor login for x\n 1. Duo Push to iPhone (iOS)\n 2. Bypass code\nOption:',
            echo: true,
          },
        ],
      }),
    );
    expect(buttons(html).slice(0, 2)).toEqual(['Push an iPhone (iOS)', 'Bypass code']);
  });

  it('counts down to the deadline as mm:ss', async () => {
    const html = await show(request({ deadline: Date.now() + 95_000 }));
    expect(html).toMatch(/role="timer"[^>]*>Noch 01:3[45]</);
  });
});
