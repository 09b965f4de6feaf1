// Passphrase rules of the wizard: a minimum length (refused below), a match
// check, and a rough strength hint from length and character variety.
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/contract/keys';

export type PassphraseStrength = 'empty' | 'tooShort' | 'weak' | 'fair' | 'strong';

/** Rough guessing entropy in bits: length × log2(alphabet), damped for repeated characters. */
function passphraseEntropyBits(passphrase: string): number {
  const chars = [...passphrase];
  if (chars.length === 0) return 0;
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(passphrase)) pool += 33;
  // `aaaaaaaaaaaaaaaa` is long but not strong: count at most 3 uses of each character.
  const counts = new Map<string, number>();
  let effective = 0;
  for (const c of chars) {
    const n = (counts.get(c) ?? 0) + 1;
    counts.set(c, n);
    if (n <= 3) effective++;
  }
  return Math.round(effective * Math.log2(Math.max(pool, 2)));
}

export function passphraseStrength(passphrase: string): PassphraseStrength {
  if (passphrase.length === 0) return 'empty';
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return 'tooShort';
  const bits = passphraseEntropyBits(passphrase);
  if (bits < 60) return 'weak';
  if (bits < 90) return 'fair';
  return 'strong';
}

export type PassphraseProblem = 'empty' | 'tooShort' | 'mismatch';

/** Why the pair cannot be used, or undefined when it can (weak is allowed, with a hint). */
export function passphraseProblem(passphrase: string, repeat: string): PassphraseProblem | undefined {
  if (passphrase.length === 0) return 'empty';
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return 'tooShort';
  if (passphrase !== repeat) return 'mismatch';
  return undefined;
}
