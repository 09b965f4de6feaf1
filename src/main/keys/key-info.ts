// The one place a key's public description is copied from a richer object
// (a loaded key, an agent entry) into the contract's shape: field by field,
// so neither a private key nor anything added later reaches the renderer unasked.
import type { KeyInfo } from '../../shared/contract/keys';

export function keyInfoOf(key: KeyInfo): KeyInfo {
  return {
    type: key.type,
    bits: key.bits,
    comment: key.comment,
    fingerprint: key.fingerprint,
    publicKey: key.publicKey,
  };
}
