// The private half of a .ppk key (PuTTY's private blob) to and from a
// node:crypto KeyObject. Only ED25519 and RSA: the policy refuses the rest
// from the public blob before a private blob is ever read.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { ed25519PrivateKeyFromSeed } from '../public-key';
import { WireError, WireReader, sshMpint, sshString } from '../wire';

function toBigInt(magnitude: Buffer): bigint {
  return magnitude.length === 0 ? 0n : BigInt(`0x${magnitude.toString('hex')}`);
}

function toB64url(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return Buffer.from(hex, 'hex').toString('base64url');
}

/** Reads a plain private blob (trailing padding ignored, as PuTTY does). */
export function keyObjectFromPpkBlobs(algorithm: string, publicBlob: Buffer, privateBlob: Buffer): KeyObject {
  const priv = new WireReader(privateBlob);
  if (algorithm === 'ssh-ed25519') {
    return ed25519PrivateKeyFromSeed(priv.string());
  }
  if (algorithm === 'ssh-rsa') {
    const pub = new WireReader(publicBlob);
    pub.name();
    const e = pub.mpint();
    const n = pub.mpint();
    const d = toBigInt(priv.mpint());
    const p = toBigInt(priv.mpint());
    const q = toBigInt(priv.mpint());
    const iqmp = toBigInt(priv.mpint());
    if (p < 2n || q < 2n || d < 1n) throw new WireError('bad rsa private key');
    // PuTTY stores no CRT exponents; JWK needs them.
    return createPrivateKey({
      format: 'jwk',
      key: {
        kty: 'RSA',
        n: n.toString('base64url'),
        e: e.toString('base64url'),
        d: toB64url(d),
        p: toB64url(p),
        q: toB64url(q),
        dp: toB64url(d % (p - 1n)),
        dq: toB64url(d % (q - 1n)),
        qi: toB64url(iqmp),
      },
    });
  }
  throw new WireError(`unsupported ppk algorithm ${algorithm}`);
}

/** The unpadded private blob PuTTY expects for a key. */
export function ppkPrivateBlobFromKeyObject(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  const field = (value: string | undefined): Buffer => {
    if (value === undefined) throw new WireError('missing JWK field');
    return Buffer.from(value, 'base64url');
  };
  if (key.asymmetricKeyType === 'ed25519') return sshString(field(jwk.d));
  if (key.asymmetricKeyType === 'rsa') {
    // PuTTY's iqmp is q^-1 mod p, which is JWK's qi.
    return Buffer.concat([
      sshMpint(field(jwk.d)),
      sshMpint(field(jwk.p)),
      sshMpint(field(jwk.q)),
      sshMpint(field(jwk.qi)),
    ]);
  }
  throw new WireError(`unsupported key type ${key.asymmetricKeyType ?? '?'}`);
}
