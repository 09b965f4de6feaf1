// PuTTY's %XX session names over Windows-1252, and our own table for
// 0x80–0x9F (Node's TextDecoder gives C1 controls there).
import { describe, expect, it } from 'vitest';
import { unescapeSessionName } from '../../../../src/main/moving-in/putty/session-name';
import { decodeWindows1252 } from '../../../../src/main/moving-in/putty/windows-1252';
import { encodeWindows1252, escapeSessionName } from '../../../fixtures/putty-reg';

describe('decodeWindows1252', () => {
  it('decodes 0x80–0x9F as Windows does, not as control characters', () => {
    const bytes = Uint8Array.from([0x80, 0x84, 0x85, 0x8a, 0x93, 0x94, 0x96, 0x99, 0x9f]);
    expect(decodeWindows1252(bytes)).toBe('€„…Š“”–™Ÿ');
  });

  it('keeps the five bytes Windows leaves undefined as their own code points', () => {
    expect(decodeWindows1252(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe(
      '\u0081\u008d\u008f\u0090\u009d',
    );
  });

  it('decodes ASCII and 0xA0–0xFF as Latin-1', () => {
    expect(decodeWindows1252(Buffer.from('Schule ', 'latin1'))).toBe('Schule ');
    expect(decodeWindows1252(Uint8Array.from([0xe4, 0xf6, 0xfc, 0xdf, 0xc4, 0xa0, 0xff]))).toBe(
      'äöüßÄ\u00a0ÿ',
    );
  });

  it('agrees with the fixture’s encoder over every byte', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...encodeWindows1252(decodeWindows1252(all))]).toEqual([...all]);
  });

  it('decodes a file larger than one slice', () => {
    const big = new Uint8Array(100_000).fill(0x80);
    expect(decodeWindows1252(big)).toBe('€'.repeat(100_000));
  });
});

describe('unescapeSessionName', () => {
  it('turns %XX into Windows-1252 characters', () => {
    expect(unescapeSessionName('Schule%20M%FCnchen')).toBe('Schule München');
    expect(unescapeSessionName('Kasse%20%80')).toBe('Kasse €');
    expect(unescapeSessionName('%2Eversteckt')).toBe('.versteckt');
    expect(unescapeSessionName('100%25%20sicher%3F')).toBe('100% sicher?');
    expect(unescapeSessionName('a%5Cb%2Ac')).toBe('a\\b*c');
  });

  it('accepts lower-case hex and leaves a stray % alone', () => {
    expect(unescapeSessionName('Gr%fc%DFe')).toBe('Grüße');
    expect(unescapeSessionName('50%')).toBe('50%');
    expect(unescapeSessionName('%G1x')).toBe('%G1x');
  });

  it('undoes PuTTY’s escaping for names with every character it escapes', () => {
    const names = ['Schule München', '.dot', 'a.b', 'x\\y*z?%', 'Tab\there', 'Straße – „Nord“ €', 'plain'];
    for (const name of names) {
      const escaped = escapeSessionName(name);
      expect(escaped).toMatch(/^[!-~]+$/);
      expect(unescapeSessionName(escaped)).toBe(name);
    }
    expect(escapeSessionName('Schule München')).toBe('Schule%20M%FCnchen');
    expect(escapeSessionName('.a.b')).toBe('%2Ea.b');
  });
});
