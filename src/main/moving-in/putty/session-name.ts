// PuTTY's registry key names: a session name (and the host in a host key's
// value name) with space, `\`, `*`, `?`, `%`, control bytes, bytes above `~`
// and a leading `.` written as `%XX`. The bytes are the ANSI code page, which
// for German Windows is Windows-1252: `%E4` is ä, `%80` is €.
import { windows1252Char } from './windows-1252';

export function unescapeSessionName(escaped: string): string {
  // PuTTY writes upper-case hex; lower case is accepted for hand-made files.
  return escaped.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => windows1252Char(parseInt(hex, 16)));
}
