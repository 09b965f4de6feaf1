// The text of a .reg file. regedit and `reg export` write UTF-16LE with a
// byte order mark; `regedit /a` and hand-made files are ANSI (REGEDIT4), and
// editors sometimes save them again as UTF-8. A byte order mark decides;
// without one, text that is valid UTF-8 is taken as UTF-8, anything else as
// Windows-1252, which never fails.
import { decodeWindows1252 } from './windows-1252';

export type RegTextEncoding = 'utf-16le' | 'utf-16be' | 'utf-8' | 'windows-1252';

export interface RegText {
  text: string;
  encoding: RegTextEncoding;
}

export function decodeRegText(bytes: Uint8Array): RegText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  // UTF-16LE without a mark: ASCII text ("Wi", "RE") then has a zero in every second byte.
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) {
    return utf16(bytes, 'utf-16le');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): RegText {
  // A cut-off file may end in half a character: it becomes U+FFFD, and the
  // parser reports the line it spoils as truncated.
  return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes), encoding };
}
