// Which kind of key file is this? Decided from the text alone, cheaply, before
// any parsing; the order matters (a .ppk or PEM may contain "ssh-rsa").
import { AppError } from '../../core/app-error';
import { PPK_HEADER } from '../ppk/format';

export type DetectedFormat =
  { kind: 'openssh'; base64: string } | { kind: 'ppk' } | { kind: 'pem'; text: string } | { kind: 'public' };

const OPENSSH_BEGIN = '-----BEGIN OPENSSH PRIVATE KEY-----';
const OPENSSH_END = '-----END OPENSSH PRIVATE KEY-----';
const PEM_PRIVATE = /-----BEGIN ((?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY)-----/;
const PUBLIC_LINE =
  /(?:^|\s)(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-[a-z0-9-]+|sk-[a-z0-9@.-]+|[a-z0-9-]+-cert-v01@openssh\.com) +AAAA[A-Za-z0-9+/]/m;
const PUBLIC_BLOCK = /^(?:---- BEGIN SSH2 PUBLIC KEY ----|-----BEGIN (?:RSA |DSA |EC )?PUBLIC KEY-----)/m;

function truncated(what: string): AppError {
  return new AppError('keys.corrupt', {}, { cause: new Error(`${what}: end marker missing`) });
}

/** `text` is the file as latin1 (byte-preserving), leading BOM and whitespace removed. */
export function detectFormat(text: string): DetectedFormat {
  const openssh = text.indexOf(OPENSSH_BEGIN);
  if (openssh !== -1) {
    const end = text.indexOf(OPENSSH_END, openssh);
    if (end === -1) throw truncated('openssh');
    return { kind: 'openssh', base64: text.slice(openssh + OPENSSH_BEGIN.length, end) };
  }
  if (text.startsWith('PuTTY-User-Key-File-')) {
    if (!PPK_HEADER.test(text))
      throw new AppError('keys.corrupt', {}, { cause: new Error('ppk: bad first line') });
    return { kind: 'ppk' };
  }
  const pem = PEM_PRIVATE.exec(text);
  if (pem) {
    const endMarker = `-----END ${pem[1]}-----`;
    const end = text.indexOf(endMarker, pem.index);
    if (end === -1) throw truncated('pem');
    return { kind: 'pem', text: text.slice(pem.index, end + endMarker.length) };
  }
  if (text.startsWith('SSH PRIVATE KEY FILE FORMAT 1.1'))
    throw new AppError('keys.unsupportedFormat', { format: 'ssh1' });
  if (text.startsWith('---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----')) {
    throw new AppError('keys.unsupportedFormat', { format: 'ssh.com' });
  }
  if (PUBLIC_BLOCK.test(text) || PUBLIC_LINE.test(text.slice(0, 64 * 1024))) return { kind: 'public' };
  throw new AppError('keys.unsupportedFormat');
}
