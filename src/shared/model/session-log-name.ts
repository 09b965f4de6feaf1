// A session log's file name from PuTTY's pattern: &Y year, &M month, &D day,
// &T time (hhmmss), &H host, &P port, &N profile name, && an ampersand; any
// other &x stays as written, as PuTTY leaves it. Shared because main names the
// file and the settings view shows the same name as a live example.

export interface LogNameParts {
  /** Local time of the session's start. */
  date: Date;
  host: string;
  port: number;
  profile: string;
}

/** Longest name we make: room under every file system's 255 for a clash counter ("-9999"). */
const MAX_NAME_LENGTH = 200;
/** Not allowed in a name on Windows (all of them), macOS (`:`, `/`) or Linux (`/`). */
// eslint-disable-next-line no-control-regex -- control characters are among them
const UNSAFE = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** Windows' device names: `con.log` opens the console, not a file. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

const two = (n: number) => String(n).padStart(2, '0');

export function expandLogNamePattern(pattern: string, parts: LogNameParts): string {
  const { date } = parts;
  const values: Record<string, string> = {
    Y: String(date.getFullYear()),
    M: two(date.getMonth() + 1),
    D: two(date.getDate()),
    T: `${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`,
    H: parts.host,
    P: String(parts.port),
    N: parts.profile,
    '&': '&',
  };
  return pattern.replace(/&(.?)/gs, (whole, key: string) => values[key] ?? whole);
}

/** A name every platform accepts as one file in the log folder; never a path, never empty. */
export function safeFileName(name: string): string {
  let safe = name.replace(UNSAFE, '_').trim();
  // Windows drops trailing dots and spaces, so `x.` and `x` would be one file.
  safe = safe.replace(/[. ]+$/, '');
  if (RESERVED.test(safe)) safe = `_${safe}`;
  if (safe === '' || /^\.+$/.test(safe)) safe = '_';
  return truncateKeepingExtension(safe, MAX_NAME_LENGTH);
}

/** The file name a session's log gets (before any clash counter). */
export function sessionLogName(pattern: string, parts: LogNameParts): string {
  return safeFileName(expandLogNamePattern(pattern, parts));
}

/** `name-2.log` for the second file of `name.log` (a clash, or the next file after the size cap). */
export function withCounter(name: string, counter: number): string {
  if (counter <= 1) return name;
  const { stem, extension } = splitExtension(name);
  return `${stem}-${counter}${extension}`;
}

function splitExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  // A leading dot is a hidden file's name, not an extension; a long tail is no extension either.
  if (dot <= 0 || name.length - dot > 16) return { stem: name, extension: '' };
  return { stem: name.slice(0, dot), extension: name.slice(dot) };
}

function truncateKeepingExtension(name: string, max: number): string {
  // Counted in UTF-8 bytes, the strictest of the file systems' measures.
  const bytes = (text: string) => new TextEncoder().encode(text).length;
  if (bytes(name) <= max) return name;
  const { stem, extension } = splitExtension(name);
  const room = max - bytes(extension);
  let cut = '';
  let used = 0;
  for (const char of stem) {
    used += bytes(char);
    if (used > room) break;
    cut += char;
  }
  return `${cut.trimEnd() || '_'}${extension}`;
}
