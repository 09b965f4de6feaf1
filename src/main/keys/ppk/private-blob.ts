// The private half of a .ppk key (PuTTY's private blob) to and from a
// node:crypto KeyObject. Only ED25519 and RSA: the policy refuses the rest
// from the public blob before a private blob is ever read.
import type { KeyObject } from 'node:crypto';
import { bigIntFromMagnitude, ed25519PrivateKeyFromSeed, rsaPrivateKeyFromComponents } from '../private-key';
import { fromB64url } from '../public-key';
import { WireError, WireReader, WireWriter } from '../../core/wire';

/** Reads a plain private blob (trailing padding ignored, as PuTTY does). */
export function keyObjectFromPpkBlobs(algorithm: string, publicBlob: Buffer, privateBlob: Buffer): KeyObject {
  const priv = new WireReader(privateBlob);
  if (algorithm === 'ssh-ed25519') {
    return ed25519PrivateKeyFromSeed(priv.string());
  }
  if (algorithm === 'ssh-rsa') {
    const pub = new WireReader(publicBlob);
    pub.name();
    const e = bigIntFromMagnitude(pub.mpintUnsigned());
    const n = bigIntFromMagnitude(pub.mpintUnsigned());
    const d = bigIntFromMagnitude(priv.mpintUnsigned());
    const p = bigIntFromMagnitude(priv.mpintUnsigned());
    const q = bigIntFromMagnitude(priv.mpintUnsigned());
    const iqmp = bigIntFromMagnitude(priv.mpintUnsigned());
    if (p < 2n || q < 2n || d < 1n) throw new WireError('bad rsa private key');
    return rsaPrivateKeyFromComponents({ n, e, d, p, q, iqmp });
  }
  throw new WireError(`unsupported ppk algorithm ${algorithm}`);
}

/** The unpadded private blob PuTTY expects for a key. */
export function ppkPrivateBlobFromKeyObject(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (key.asymmetricKeyType === 'ed25519') return new WireWriter().string(fromB64url(jwk.d)).toBuffer();
  if (key.asymmetricKeyType === 'rsa') {
    // PuTTY's iqmp is q^-1 mod p, which is JWK's qi.
    return new WireWriter()
      .mpint(fromB64url(jwk.d))
      .mpint(fromB64url(jwk.p))
      .mpint(fromB64url(jwk.q))
      .mpint(fromB64url(jwk.qi))
      .toBuffer();
  }
  throw new WireError(`unsupported key type ${key.asymmetricKeyType ?? '?'}`);
}
