// The vendor's key policy (IServ): ED25519, or RSA of exactly 4096 bits.
// One function decides, for generated, imported and agent-added keys alike.
import { AppError } from '../core/app-error';

export interface KeyDescription {
  /** SSH key type name as on the wire: `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`, `ssh-dss`, `*-cert-v01@openssh.com`. */
  type: string;
  /** Modulus / curve size in bits, where the type has one. */
  bits?: number;
}

export type PolicyVerdict = { ok: true } | { ok: false; error: AppError };

export const ACCEPTED_RSA_BITS = 4096;

export function checkKeyPolicy(key: KeyDescription): PolicyVerdict {
  if (key.type === 'ssh-ed25519') return { ok: true };
  if (key.type === 'ssh-rsa' && key.bits === ACCEPTED_RSA_BITS) return { ok: true };
  return {
    ok: false,
    error: new AppError('keys.policyRefused', {
      type: key.type,
      bits: key.bits ?? 0,
    }),
  };
}

/** Throws the policy's AppError when the key is not acceptable. */
export function assertKeyPolicy(key: KeyDescription): void {
  const verdict = checkKeyPolicy(key);
  if (!verdict.ok) throw verdict.error;
}
