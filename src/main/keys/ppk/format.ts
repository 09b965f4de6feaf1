// The text layout of PuTTY's .ppk files, versions 2 and 3 (PuTTY manual,
// appendix C "PPK file format"). sshpk reads only part of this (no encrypted
// v3, never checks Private-MAC) and nothing writes it, hence our own codec.
//
// The file is parsed as latin1 so that every byte of the comment survives
// unchanged into the MAC input; the comment is shown decoded as UTF-8.
import { AppError } from '../../core/app-error';

export type Argon2Flavour = 'Argon2id' | 'Argon2i' | 'Argon2d';

export interface Argon2Params {
  flavour: Argon2Flavour;
  memoryKiB: number;
  passes: number;
  parallelism: number;
  salt: Buffer;
}

export interface PpkFile {
  version: 2 | 3;
  algorithm: string;
  /** `none` or `aes256-cbc` (other values are kept for the error message). */
  encryption: string;
  /** Raw comment bytes, as covered by the MAC. */
  commentBytes: Buffer;
  publicBlob: Buffer;
  /** Only in encrypted version 3 files. */
  argon2?: Argon2Params;
  /** Encrypted (or, with `none`, plain) private blob including padding. */
  privateBlob: Buffer;
  mac: Buffer;
}

export const PPK_HEADER = /^PuTTY-User-Key-File-(\d+): /;
const MAX_LINES = 20_000;

function corrupt(detail: string): AppError {
  return new AppError('keys.corrupt', {}, { cause: new Error(`ppk: ${detail}`) });
}

class LineCursor {
  private index = 0;
  constructor(private readonly lines: string[]) {}

  header(name: string): string {
    const line = this.lines[this.index++];
    if (line === undefined) throw corrupt(`missing ${name}`);
    const prefix = `${name}: `;
    if (line.startsWith(prefix)) return line.slice(prefix.length);
    if (line === `${name}:`) return '';
    throw corrupt(`expected ${name}`);
  }

  peekHeader(name: string): boolean {
    return this.lines[this.index]?.startsWith(`${name}:`) ?? false;
  }

  number(name: string): number {
    const value = this.header(name);
    if (!/^\d{1,9}$/.test(value)) throw corrupt(`bad number in ${name}`);
    return Number(value);
  }

  base64Block(name: string): Buffer {
    const count = this.number(name);
    if (count > MAX_LINES) throw corrupt(`too many lines in ${name}`);
    let text = '';
    for (let i = 0; i < count; i++) {
      const line = this.lines[this.index++];
      if (line === undefined) throw corrupt(`truncated ${name}`);
      text += line;
    }
    return strictBase64(text, name);
  }

  rest(): string[] {
    return this.lines.slice(this.index);
  }
}

function strictBase64(text: string, name: string): Buffer {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw corrupt(`bad base64 in ${name}`);
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) throw corrupt(`non-canonical base64 in ${name}`);
  return bytes;
}

function strictHex(text: string, name: string): Buffer {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) throw corrupt(`bad hex in ${name}`);
  return Buffer.from(text, 'hex');
}

/** Parses the text of a .ppk file; throws AppError (corrupt / unsupportedFormat / unsupportedEncryption). */
export function parsePpk(data: Buffer): PpkFile {
  const lines = data.toString('latin1').split(/\r?\n/);
  const first = lines[0] ?? '';
  const versionMatch = PPK_HEADER.exec(first);
  if (!versionMatch) throw new AppError('keys.unsupportedFormat');
  const version = Number(versionMatch[1]);
  if (version !== 2 && version !== 3)
    throw new AppError('keys.unsupportedFormat', { format: `ppk${version}` });
  const algorithm = first.slice(versionMatch[0].length);
  if (!/^[\x21-\x7e]{1,64}$/.test(algorithm)) throw corrupt('bad algorithm');

  const cursor = new LineCursor(lines.slice(1));
  const encryption = cursor.header('Encryption');
  const commentBytes = Buffer.from(cursor.header('Comment'), 'latin1');
  const publicBlob = cursor.base64Block('Public-Lines');

  let argon2: Argon2Params | undefined;
  if (version === 3 && encryption !== 'none') {
    const flavour = cursor.header('Key-Derivation');
    if (flavour !== 'Argon2id' && flavour !== 'Argon2i' && flavour !== 'Argon2d') {
      throw new AppError('keys.unsupportedEncryption', { cipher: flavour.slice(0, 64) });
    }
    argon2 = {
      flavour,
      memoryKiB: cursor.number('Argon2-Memory'),
      passes: cursor.number('Argon2-Passes'),
      parallelism: cursor.number('Argon2-Parallelism'),
      salt: strictHex(cursor.header('Argon2-Salt'), 'Argon2-Salt'),
    };
  }
  const privateBlob = cursor.base64Block('Private-Lines');
  const mac = strictHex(cursor.header('Private-MAC'), 'Private-MAC');
  if (cursor.rest().some((line) => line.trim() !== '')) throw corrupt('trailing data');
  return { version, algorithm, encryption, commentBytes, publicBlob, argon2, privateBlob, mac };
}

function base64Lines(bytes: Buffer): string[] {
  const text = bytes.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 64) lines.push(text.slice(i, i + 64));
  return lines;
}

/** Writes a .ppk file in PuTTY's layout (LF line ends; PuTTY reads LF and CRLF). */
export function serializePpk(file: PpkFile): string {
  const out: string[] = [
    `PuTTY-User-Key-File-${file.version}: ${file.algorithm}`,
    `Encryption: ${file.encryption}`,
    `Comment: ${file.commentBytes.toString('utf8')}`,
  ];
  const pub = base64Lines(file.publicBlob);
  out.push(`Public-Lines: ${pub.length}`, ...pub);
  if (file.argon2) {
    out.push(
      `Key-Derivation: ${file.argon2.flavour}`,
      `Argon2-Memory: ${file.argon2.memoryKiB}`,
      `Argon2-Passes: ${file.argon2.passes}`,
      `Argon2-Parallelism: ${file.argon2.parallelism}`,
      `Argon2-Salt: ${file.argon2.salt.toString('hex')}`,
    );
  }
  const priv = base64Lines(file.privateBlob);
  out.push(`Private-Lines: ${priv.length}`, ...priv, `Private-MAC: ${file.mac.toString('hex')}`);
  return `${out.join('\n')}\n`;
}
