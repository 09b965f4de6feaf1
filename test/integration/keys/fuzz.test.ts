// Mutation fuzzing of importPrivateKey with a fixed seed: whatever the bytes,
// the result is a key or an AppError with a known code — no other exception,
// no crash of the worker, no hang. Bounded by count AND time. It lives with
// the integration tests only because it runs for ~20 s; it needs no tools.
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/main/core/app-error';
import { importPrivateKey, shutdownKeyWorker } from '../../../src/main/keys';
import { keyErrorCodes } from '../../../src/shared/errors/keys';
import { PASS, ed25519, opensshKey, ppkText } from '../../unit/keys/helpers';
import { prng } from '../../fixtures/prng';

afterAll(() => shutdownKeyWorker());

const MAX_CASES = 4000;
const MAX_MS = 20_000;
/**
 * A "hang": longer than any derivation the caps allow (bcrypt at
 * MAX_BCRYPT_ROUNDS is ~7 s here; a mutated rounds field can get there).
 */
const PER_CASE_MS = 20_000;
/** Codes that mean "the machinery broke", not "the input is bad". */
const FORBIDDEN = new Set(['keys.workerFailed', 'keys.timedOut']);

function mutate(input: Buffer, random: () => number): Buffer {
  const pick = (n: number) => Math.floor(random() * n);
  const out = Buffer.from(input);
  switch (pick(7)) {
    case 0: {
      for (let i = 1 + pick(4); i > 0; i--) out[pick(out.length)]! ^= 1 << pick(8);
      return out;
    }
    case 1: {
      out[pick(out.length)] = pick(256);
      return out;
    }
    case 2:
      return out.subarray(0, pick(out.length));
    case 3: {
      const at = pick(out.length);
      return Buffer.concat([out.subarray(0, at), out.subarray(at + 1 + pick(16))]);
    }
    case 4: {
      const at = pick(out.length);
      const len = 1 + pick(64);
      return Buffer.concat([out.subarray(0, at), out.subarray(at, at + len), out.subarray(at)]);
    }
    case 5: {
      // A base64 character swapped for another: stays "valid" text, changes the binary inside.
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
      out[pick(out.length)] = alphabet.charCodeAt(pick(64));
      return out;
    }
    default: {
      // A digit changed: header numbers such as Public-Lines or Argon2 parameters.
      const digits = [...out.keys()].filter((i) => out[i]! >= 0x30 && out[i]! <= 0x39);
      if (digits.length) out[digits[pick(digits.length)]!] = 0x30 + pick(10);
      return out;
    }
  }
}

describe('import fuzzing', () => {
  it('answers every mutation with a key or a known AppError, in time', async () => {
    const key = ed25519();
    const seeds: { name: string; data: Buffer }[] = [
      { name: 'openssh plain', data: Buffer.from(opensshKey('ed25519').privateKey) },
      {
        name: 'openssh bcrypt-1',
        data: Buffer.from(opensshKey('ed25519', { passphrase: PASS, rounds: 1 }).privateKey),
      },
      { name: 'ppk3 plain', data: Buffer.from(await ppkText(key, undefined, 3)) },
      { name: 'ppk3 cheap argon2', data: Buffer.from(await ppkText(key, PASS, 3)) },
      { name: 'ppk2 encrypted', data: Buffer.from(await ppkText(key, PASS, 2)) },
      { name: 'pem pkcs8', data: Buffer.from(key.export({ format: 'pem', type: 'pkcs8' }) as string) },
    ];
    const random = prng(0x5eed_f00d).next;
    const known = new Set<string>(keyErrorCodes);
    const codes = new Map<string, number>();
    const started = Date.now();
    let cases = 0;
    while (cases < MAX_CASES && Date.now() - started < MAX_MS) {
      const seed = seeds[cases % seeds.length]!;
      const input = mutate(seed.data, random);
      cases++;
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        importPrivateKey(input, { passphrase: PASS }).then(
          () => 'ok',
          (error: unknown) => {
            if (!isAppError(error)) return `foreign error ${String(error)}`;
            // A bug (TypeError, RangeError) hiding behind a generic code also fails the run.
            if (error.cause instanceof TypeError || error.cause instanceof RangeError) {
              return `${error.code} caused by ${error.cause.name}: ${error.cause.message}`;
            }
            return error.code;
          },
        ),
        new Promise<string>((resolve) => {
          timer = setTimeout(() => resolve('hang'), PER_CASE_MS);
        }),
      ]);
      clearTimeout(timer);
      codes.set(outcome, (codes.get(outcome) ?? 0) + 1);
      if (outcome !== 'ok' && (!known.has(outcome) || FORBIDDEN.has(outcome))) {
        // The input is test data made for this run (no real secret); its kind is enough to reproduce with the seed.
        expect.fail(`case ${cases} (${seed.name}): ${outcome}`);
      }
    }
    expect(cases).toBeGreaterThanOrEqual(200);
    // The mutations must reach deep: not only format detection.
    expect(codes.get('keys.corrupt') ?? 0).toBeGreaterThan(0);
    expect(codes.get('keys.wrongPassphrase') ?? 0).toBeGreaterThan(0);
  }, 60_000);
});
