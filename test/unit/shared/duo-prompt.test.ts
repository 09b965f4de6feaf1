import { describe, expect, it } from 'vitest';
import { isPasscodeOnlyPrompt, parseDuoPrompt } from '../../../src/shared/duo/duo-prompt';

// The transcript from field-facts.md, as one keyboard-interactive prompt.
const TRANSCRIPT = [
  'Duo two-factor login for USER',
  '',
  'Enter a passcode or select one of the following options:',
  '',
  ' 1. Duo Push to XXX-XXX-1078',
  ' 2. Phone call to XXX-XXX-1078',
  ' 3. SMS passcodes to XXX-XXX-1078',
  '',
  'Passcode or option (1-3): ',
].join('\n');

describe('parseDuoPrompt', () => {
  it('reads the transcript from the public docs', () => {
    expect(parseDuoPrompt(TRANSCRIPT)).toEqual({
      user: 'USER',
      options: [
        { answer: '1', kind: 'push', device: 'XXX-XXX-1078', label: 'Duo Push to XXX-XXX-1078' },
        { answer: '2', kind: 'phone', device: 'XXX-XXX-1078', label: 'Phone call to XXX-XXX-1078' },
        { answer: '3', kind: 'sms', device: 'XXX-XXX-1078', label: 'SMS passcodes to XXX-XXX-1078' },
      ],
      passcodeAllowed: true,
      nextCode: null,
    });
  });

  it('reads the platform after the push device and the next SMS code', () => {
    const menu = parseDuoPrompt(
      TRANSCRIPT.replace('Push to XXX-XXX-1078', 'Push to iPhone (iOS)').replace(
        'SMS passcodes to XXX-XXX-1078',
        'SMS passcodes to XXX-XXX-1078 (next code starts with: 2)',
      ),
    );
    expect(menu?.options[0]).toEqual({
      answer: '1',
      kind: 'push',
      device: 'iPhone (iOS)',
      label: 'Duo Push to iPhone (iOS)',
    });
    expect(menu?.options[2]).toEqual({
      answer: '3',
      kind: 'sms',
      device: 'XXX-XXX-1078',
      label: 'SMS passcodes to XXX-XXX-1078 (next code starts with: 2)',
    });
    expect(menu?.nextCode).toBe('2');
  });

  it('takes CRLF line ends, extra spaces, `1)` numbering and an info line before the menu', () => {
    const text = [
      'Last login: Mon Mar  3 08:00:00 2025 from 10.0.0.1',
      '  Duo   two-factor   login   for   iserv-max.muster  ',
      '',
      '   1)   Duo   Push   to   XXX-XXX-1078   ',
      '2)Phone call to XXX-XXX-1078',
      '',
      'Passcode or option (1-2):   ',
    ].join('\r\n');
    expect(parseDuoPrompt(text)).toEqual({
      user: 'iserv-max.muster',
      options: [
        { answer: '1', kind: 'push', device: 'XXX-XXX-1078', label: 'Duo   Push   to   XXX-XXX-1078' },
        { answer: '2', kind: 'phone', device: 'XXX-XXX-1078', label: 'Phone call to XXX-XXX-1078' },
      ],
      passcodeAllowed: true,
      nextCode: null,
    });
  });

  it('keeps a numbered line of unknown wording as kind other with its full label', () => {
    const menu = parseDuoPrompt(
      TRANSCRIPT.replace(
        ' 3. SMS passcodes to XXX-XXX-1078',
        ' 3. SMS passcodes to XXX-XXX-1078\n 4. Hardware token',
      ),
    );
    expect(menu?.options[3]).toEqual({ answer: '4', kind: 'other', device: '', label: 'Hardware token' });
  });

  it('sees a Duo menu by its options alone, and no passcode field when none is offered', () => {
    const menu = parseDuoPrompt('1. Duo Push to XXX-XXX-1078\n2. Phone call to XXX-XXX-1078\nOption (1-2): ');
    expect(menu).toEqual({
      user: null,
      options: [
        { answer: '1', kind: 'push', device: 'XXX-XXX-1078', label: 'Duo Push to XXX-XXX-1078' },
        { answer: '2', kind: 'phone', device: 'XXX-XXX-1078', label: 'Phone call to XXX-XXX-1078' },
      ],
      passcodeAllowed: false,
      nextCode: null,
    });
    // The SMS option's "passcodes" is an option, not a passcode field.
    expect(parseDuoPrompt('1. SMS passcodes to XXX-XXX-1078\nOption (1-1): ')?.passcodeAllowed).toBe(false);
  });

  it('sees a Duo prompt by its heading alone', () => {
    expect(parseDuoPrompt('Duo two-factor login for max\n\nPasscode: ')).toEqual({
      user: 'max',
      options: [],
      passcodeAllowed: true,
      nextCode: null,
    });
  });

  it.each([
    ['Password: '],
    ['Verification code: '],
    ['Enter passcode: '],
    ['1. Continue\n2. Cancel\nChoice: '],
    [''],
    ['\u0000\u0001%s%n(((((((\r\r\n\n1.'],
  ])('%j is not a Duo menu', (text) => {
    expect(parseDuoPrompt(text)).toBeNull();
  });

  it('reads a 100 kB prompt in bounded time, and only its first 8 kB', () => {
    const huge = `${TRANSCRIPT}\n${'1. '.padEnd(100, 'x ')}\n`.repeat(1000) + ' 9. Duo Push to late';
    expect(huge.length).toBeGreaterThan(100_000);
    const started = performance.now();
    const menu = parseDuoPrompt(huge);
    const spaced = parseDuoPrompt(`1. Duo Push to ${' '.repeat(100_000)}x`);
    const noLines = parseDuoPrompt('('.repeat(50_000) + 'next code starts with:'.repeat(2_000));
    expect(performance.now() - started).toBeLessThan(500);
    expect(menu?.user).toBe('USER');
    expect(menu?.options.some((option) => option.device === 'late')).toBe(false);
    expect(spaced?.options[0]?.kind).toBe('push');
    expect(noLines).toBeNull();
  });
});

describe('isPasscodeOnlyPrompt', () => {
  it.each([
    ['Enter passcode: ', true],
    ['Passcode:', true],
    ['PASSCODE: ', true],
    ['enter a passcode:', true],
    ['New SMS passcodes sent.\r\nEnter passcode: ', true],
    ['Password: ', false],
    ['Passcode or option (1-3): ', false],
    [TRANSCRIPT, false],
    ['', false],
    ['Enter passcode: and more', false],
  ])('%j → %s', (text, expected) => {
    expect(isPasscodeOnlyPrompt(text)).toBe(expected);
  });
});
