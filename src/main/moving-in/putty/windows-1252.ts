// Windows-1252, the ANSI code page of German Windows: what PuTTY's session
// names and REGEDIT4 exports are written in. Node 20's
// TextDecoder('windows-1252') decodes 0x80–0x9F as C1 control characters
// (checked), so "%80" would not come out as "€"; hence our own table there.
// Every other byte is the Unicode code point of the same number.

/** 0x80–0x9F. The five bytes Windows leaves undefined keep their own code point, as MultiByteToWideChar does. */
const HIGH_CONTROLS: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

export function windows1252Char(byte: number): string {
  return String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? HIGH_CONTROLS[byte - 0x80]! : byte);
}

export function decodeWindows1252(bytes: Uint8Array): string {
  const codes = new Uint16Array(bytes.length);
  bytes.forEach((byte, i) => (codes[i] = byte >= 0x80 && byte <= 0x9f ? HIGH_CONTROLS[byte - 0x80]! : byte));
  // In slices: a spread of a whole 16 MiB file would overflow the call stack.
  const parts: string[] = [];
  for (let start = 0; start < codes.length; start += 8192) {
    parts.push(String.fromCharCode(...codes.subarray(start, start + 8192)));
  }
  return parts.join('');
}
