// Searches bytes for secrets in the encodings a leak could take: as typed
// (UTF-8), UTF-16LE, base64 at each of the three byte alignments (so a secret
// inside a longer base64 text is found too), JSON-escaped (also with non-ASCII
// as \uXXXX), URL-encoded and hex. Each secret is also searched by its first and
// last 16 characters, so a cut-off copy is found. A hit names the secret's kind,
// the encoding, the place and the offset, never the secret: the test's output
// must not carry it either.
import { readdirSync, readFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';

export interface Secret {
  /** What it is, for the report: `key passphrase`, `DUO passcode`, ... */
  kind: string;
  /** The secret as text, or (the private key) as bytes. */
  value: string | Buffer;
  /** Bytes to search that stand for the secret but are not an encoding of it (e.g. a slice of a key file's body). */
  extra?: Array<{ encoding: string; bytes: Buffer }>;
}

export interface Place {
  /** Where the bytes came from: a file path, `host stderr`, `bridge frame 17 (event agent.changed)`. */
  name: string;
  bytes: Buffer;
}

export interface Hit {
  kind: string;
  encoding: string;
  place: string;
  offset: number;
}

/** The base64 texts that occur wherever `bytes` sit in a longer base64 stream, one per alignment. */
export function base64Alignments(bytes: Buffer): string[] {
  const out: string[] = [];
  for (const skip of [0, 1, 2]) {
    const rest = bytes.subarray(skip);
    const whole = rest.subarray(0, rest.length - (rest.length % 3));
    if (whole.length >= 6) out.push(whole.toString('base64'));
  }
  return out;
}

const asciiJson = (text: string) =>
  JSON.stringify(text)
    .slice(1, -1)
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Every needle of one piece of a secret: [encoding, bytes]. */
function encodingsOf(label: string, value: string | Buffer): Array<[string, Buffer]> {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const needles: Array<[string, Buffer]> = [[`${label} raw`, bytes]];
  if (typeof value === 'string') {
    needles.push([`${label} utf16le`, Buffer.from(value, 'utf16le')]);
    needles.push([`${label} json`, Buffer.from(JSON.stringify(value).slice(1, -1), 'utf8')]);
    needles.push([`${label} json-ascii`, Buffer.from(asciiJson(value), 'utf8')]);
    needles.push([`${label} url`, Buffer.from(encodeURIComponent(value), 'utf8')]);
  }
  needles.push([`${label} hex`, Buffer.from(bytes.toString('hex'), 'utf8')]);
  needles.push([`${label} HEX`, Buffer.from(bytes.toString('hex').toUpperCase(), 'utf8')]);
  base64Alignments(bytes).forEach((b64, i) => {
    needles.push([`${label} base64/${i}`, Buffer.from(b64, 'utf8')]);
    needles.push([`${label} base64url/${i}`, Buffer.from(b64.replace(/\+/g, '-').replace(/\//g, '_'))]);
  });
  return needles;
}

function needlesOf(secret: Secret): Array<[string, Buffer]> {
  const { value } = secret;
  const needles = encodingsOf('whole', value);
  const length = typeof value === 'string' ? [...value].length : value.length;
  if (length > 24) {
    const head = typeof value === 'string' ? [...value].slice(0, 16).join('') : value.subarray(0, 16);
    const tail = typeof value === 'string' ? [...value].slice(-16).join('') : value.subarray(-16);
    needles.push(...encodingsOf('first 16', head), ...encodingsOf('last 16', tail));
  }
  for (const extra of secret.extra ?? []) needles.push([extra.encoding, extra.bytes]);
  // Unique needles only (an ASCII secret's json form equals its raw form).
  const seen = new Set<string>();
  return needles.filter(([, b]) => {
    const key = b.toString('hex');
    if (b.length < 8 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function searchSecrets(secrets: Secret[], places: Place[]): Hit[] {
  const hits: Hit[] = [];
  for (const secret of secrets)
    for (const [encoding, needle] of needlesOf(secret))
      for (const place of places) {
        const offset = place.bytes.indexOf(needle);
        if (offset >= 0) hits.push({ kind: secret.kind, encoding, place: place.name, offset });
      }
  return hits;
}

/** A hit as a line for the test's failure message: no secret in it. */
export const describeHit = (hit: Hit) =>
  `${hit.kind} (${hit.encoding}) found in ${hit.place} at byte ${hit.offset}`;

/** Every regular file under `dir`, read whole (binary-safe); symlinks are listed, not followed. */
export function filesUnder(dir: string): Place[] {
  const out: Place[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push({ name: path, bytes: readFileSync(path) });
    else if (lstatSync(path).isSymbolicLink())
      out.push({ name: `${path} (symlink)`, bytes: Buffer.alloc(0) });
  }
  return out;
}
