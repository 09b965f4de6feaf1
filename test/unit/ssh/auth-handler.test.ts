import { describe, expect, it } from 'vitest';
import { utils, type ParsedKey } from 'ssh2';
import { createAuthHandler } from '../../../src/main/ssh/auth-handler';
import type { AuthProgress } from '../../../src/main/ssh/prompters';

const key = utils.parseKey(utils.generateKeyPairSync('ed25519').private) as ParsedKey;

// ssh2's calling convention: (methodsLeft | null, partialSuccess | null, next).
function step(
  handler: ReturnType<typeof createAuthHandler>,
  left: string[] | null,
  partial: boolean | null,
): unknown {
  let chosen: unknown;
  (handler as unknown as (l: unknown, p: unknown, n: (x: unknown) => void) => void)(
    left,
    partial,
    (x) => (chosen = x),
  );
  return chosen;
}

describe('auth handler', () => {
  it('offers the key first, then keyboard-interactive after partial success (DUO)', () => {
    const progress: AuthProgress[] = [];
    const prompt = () => {};
    const handler = createAuthHandler({
      username: 'u',
      credential: { type: 'publickey', key },
      keyboardInteractive: prompt,
      onProgress: (p) => progress.push(p),
    });
    expect(step(handler, null, null)).toMatchObject({ type: 'publickey', username: 'u', key });
    expect(step(handler, ['keyboard-interactive'], true)).toEqual({
      type: 'keyboard-interactive',
      username: 'u',
      prompt,
    });
    expect(progress).toEqual([
      { stage: 'publickey' },
      { stage: 'partialSuccess', methodsLeft: ['keyboard-interactive'], deadline: 0 },
      { stage: 'keyboardInteractive' },
    ]);
  });

  it('gives up after the key when nobody can answer prompts', () => {
    const handler = createAuthHandler({ username: 'u', credential: { type: 'publickey', key } });
    step(handler, null, null);
    expect(step(handler, ['publickey', 'keyboard-interactive'], false)).toBe(false);
  });

  it('uses an agent object when given one, and limits keyboard-interactive retries', () => {
    let signed = 0;
    const agent = { getIdentities() {}, sign: () => void signed++ } as never;
    const handler = createAuthHandler({
      username: 'u',
      credential: { type: 'agent', agent },
      keyboardInteractive: () => {},
    });
    // The agent is wrapped (SignWatchingAgent) and passes signing through.
    const first = step(handler, null, null) as {
      type: string;
      username: string;
      agent: { sign: (...a: unknown[]) => void };
    };
    expect(first).toMatchObject({ type: 'agent', username: 'u' });
    first.agent.sign(Buffer.alloc(0), Buffer.alloc(0), {}, () => undefined);
    expect(signed).toBe(1);
    const tries = [1, 2, 3, 4].map(() => step(handler, ['keyboard-interactive'], true));
    expect(tries.map((t) => (t === false ? false : (t as { type: string }).type))).toEqual([
      'keyboard-interactive',
      'keyboard-interactive',
      'keyboard-interactive',
      false,
    ]);
  });

  it('never tries a method the server did not offer', () => {
    const handler = createAuthHandler({
      username: 'u',
      credential: { type: 'publickey', key },
      keyboardInteractive: () => {},
    });
    step(handler, null, null);
    expect(step(handler, ['password'], false)).toBe(false);
  });
});
