// The bridge's first message: only a text frame with exactly the token counts.
import { describe, expect, it } from 'vitest';
import { carriesToken, sameToken, tokenMessage } from '../../../src/host/bridge-token';

const token = 'a'.repeat(64);

describe('the bridge token', () => {
  it('accepts the token message as text, in one buffer or in fragments', () => {
    const text = Buffer.from(tokenMessage(token));
    expect(carriesToken(text, false, token)).toBe(true);
    expect(carriesToken([text.subarray(0, 10), text.subarray(10)], false, token)).toBe(true);
  });

  it('refuses anything else', () => {
    const refused = [
      tokenMessage('b'.repeat(64)),
      tokenMessage(token.slice(1)),
      tokenMessage(`${token}a`),
      tokenMessage(''),
      JSON.stringify({ t: 'token', token: [token] }),
      JSON.stringify({ t: 'call', token }),
      JSON.stringify({ t: 'call', id: 1, name: 'app.info', input: {} }),
      'null',
      '{not json',
      '',
    ];
    for (const message of refused)
      expect(carriesToken(Buffer.from(message), false, token), message).toBe(false);
    // The right text, but as a binary frame.
    expect(carriesToken(Buffer.from(tokenMessage(token)), true, token)).toBe(false);
  });

  it('compares strings of any length without throwing', () => {
    expect(sameToken(token, token)).toBe(true);
    expect(sameToken('ä'.repeat(32), token)).toBe(false);
    expect(sameToken(undefined, token)).toBe(false);
    expect(sameToken(42, token)).toBe(false);
  });
});
