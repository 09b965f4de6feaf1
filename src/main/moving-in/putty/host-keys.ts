// PuTTY's host key cache (`…\PuTTY\SshHostKeys`) as OpenSSH key blobs. Each
// value is named `<type>@<port>:<escaped host>` and holds the key's numbers
// in lower-case hex (the `cache_str` methods in PuTTY's crypto/rsa.c and
// crypto/ecc-ssh.c):
//   rsa2                 0x<e>,0x<n>
//   ssh-ed25519          0x<x>,0x<y>            the affine point
//   ecdsa-sha2-nistp256  nistp256,0x<x>,0x<y>   (and 384, 521)
// A key is offered only when its numbers make a real key: an EC point must
// lie on its curve, so a damaged value cannot slip in as a trusted key.
import { createPublicKey } from 'node:crypto';
import type { ImportFindings, ImportProblem, ImportedHostKey } from '../../../shared/model/moving-in';
import { WireWriter } from '../../core/wire';
import { fingerprintOf } from '../../keys/public-key';
import { HOST_KEY_HOST_LIMIT } from '../limits';
import { puttySubpath } from './putty-tree';
import type { RegistryKey } from './registry-key';
import { unescapeSessionName } from './session-name';

const EC_CURVES: Record<string, { jwk: string; bytes: number }> = {
  nistp256: { jwk: 'P-256', bytes: 32 },
  nistp384: { jwk: 'P-384', bytes: 48 },
  nistp521: { jwk: 'P-521', bytes: 66 },
};

class Unreadable extends Error {}

export function hostKeysFromKeys(
  keys: RegistryKey[],
  source: string,
): Pick<ImportFindings, 'hostKeys' | 'problems'> {
  const hostKeys: ImportedHostKey[] = [];
  const problems: ImportProblem[] = [];
  for (const key of keys) {
    if (puttySubpath(key.path, 'SshHostKeys') !== '') continue;
    for (const [name, value] of key.values) {
      const problem = (code: ImportProblem['code'], params: ImportProblem['params'] = {}) =>
        problems.push({ source, line: value.line, code, params: { name, ...params } });
      const parts = /^([^@]+)@(\d{1,5}):(.+)$/.exec(name);
      const port = Number(parts?.[2]);
      const host = unescapeSessionName(parts?.[3] ?? '');
      if (
        !parts ||
        port < 1 ||
        port > 65535 ||
        host.length > HOST_KEY_HOST_LIMIT ||
        value.kind !== 'string'
      ) {
        problem('putty.hostKeyUnreadable');
        continue;
      }
      const type = parts[1]!;
      try {
        const blob = blobOf(type, value.value);
        if (!blob) {
          problem('putty.hostKeyTypeUnsupported', { type });
          continue;
        }
        hostKeys.push({
          origin: { source, line: value.line },
          host,
          port,
          hashedHost: null,
          keyType: blob.keyType,
          keyBase64: blob.bytes.toString('base64'),
          fingerprint: fingerprintOf(blob.bytes),
        });
      } catch (error) {
        if (!(error instanceof Unreadable)) throw error;
        problem('putty.hostKeyUnreadable');
      }
    }
  }
  return { hostKeys, problems };
}

/** The OpenSSH blob, undefined for a type OpenSSH or the app has no use for (dss, SSH-1 rsa, ed448). */
function blobOf(type: string, text: string): { keyType: string; bytes: Buffer } | undefined {
  if (type === 'rsa2') return { keyType: 'ssh-rsa', bytes: rsaBlob(text) };
  if (type === 'ssh-ed25519') return { keyType: type, bytes: ed25519Blob(text) };
  const curve = /^ecdsa-sha2-(nistp\d+)$/.exec(type)?.[1];
  if (curve && EC_CURVES[curve]) return { keyType: type, bytes: ecdsaBlob(type, curve, text) };
  return undefined;
}

function rsaBlob(text: string): Buffer {
  const [e, n] = pair(text);
  // createPublicKey takes any numbers for RSA, so the checks are ours: odd, a sane size, e < n.
  if (e % 2n === 0n || e < 3n || n % 2n === 0n || e >= n || n < 1n << 511n || n >= 1n << 16384n) {
    throw new Unreadable();
  }
  const eBytes = bytesOf(e);
  const nBytes = bytesOf(n);
  checked(() =>
    createPublicKey({ key: { kty: 'RSA', e: b64url(eBytes), n: b64url(nBytes) }, format: 'jwk' }),
  );
  return new WireWriter().string('ssh-rsa').mpint(eBytes).mpint(nBytes).toBuffer();
}

// Curve25519 in Edwards form: -x² + y² = 1 + d·x²·y² (mod p).
const P = 2n ** 255n - 19n;
const D = mod(-121665n * power(121666n, P - 2n));

function ed25519Blob(text: string): Buffer {
  const [x, y] = pair(text);
  const xx = mod(x * x);
  const yy = mod(y * y);
  if (x >= P || y >= P || mod(yy - xx - 1n - D * xx * yy) !== 0n) throw new Unreadable();
  // RFC 8032 encoding: y little-endian, the low bit of x in the top bit.
  const encoded = Buffer.from(bytesOf(y, 32)).reverse();
  encoded[31]! |= Number(x & 1n) << 7;
  return new WireWriter().string('ssh-ed25519').string(encoded).toBuffer();
}

function ecdsaBlob(type: string, curve: string, text: string): Buffer {
  const fields = text.split(',');
  if (fields.length !== 3 || fields[0] !== curve) throw new Unreadable();
  const { jwk, bytes } = EC_CURVES[curve]!;
  const [x, y] = pair(fields.slice(1).join(','));
  const xBytes = bytesOf(x, bytes);
  const yBytes = bytesOf(y, bytes);
  // OpenSSL refuses a point that is not on the curve.
  checked(() =>
    createPublicKey({ key: { kty: 'EC', crv: jwk, x: b64url(xBytes), y: b64url(yBytes) }, format: 'jwk' }),
  );
  const point = Buffer.concat([Buffer.from([4]), xBytes, yBytes]);
  return new WireWriter().string(type).string(curve).string(point).toBuffer();
}

/** Two comma-separated `0x…` numbers. */
function pair(text: string): [bigint, bigint] {
  const fields = text.split(',').map((field) => field.trim());
  if (fields.length !== 2 || fields.some((field) => !/^0x[0-9a-f]{1,4096}$/i.test(field))) {
    throw new Unreadable();
  }
  return [BigInt(fields[0]!), BigInt(fields[1]!)];
}

/** Big-endian bytes, padded to `length` when given (and refused when longer). */
function bytesOf(value: bigint, length?: number): Buffer {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const raw = Buffer.from(hex, 'hex');
  if (length === undefined) return raw;
  if (raw.length > length) throw new Unreadable();
  return Buffer.concat([Buffer.alloc(length - raw.length), raw]);
}

function checked(make: () => unknown): void {
  try {
    make();
  } catch {
    throw new Unreadable();
  }
}

function b64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

function mod(value: bigint): bigint {
  return ((value % P) + P) % P;
}

function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = mod(result * b);
    b = mod(b * b);
  }
  return result;
}
