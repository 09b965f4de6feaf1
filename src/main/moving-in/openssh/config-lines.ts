// One line of an ssh config, split the way OpenSSH's readconf.c does: the
// keyword (case-insensitive) ends at whitespace or one `=`, the rest is split
// like argv_split(): double or single quotes group, `\"`, `\'`, `\\` and an
// escaped space are escapes, and `#` at the start of an argument ends the line.

export type ConfigLine =
  | { kind: 'blank' }
  | { kind: 'directive'; keyword: string; written: string; args: string[] }
  /** OpenSSH refuses the whole file for these; we report the line and go on. */
  | { kind: 'bad'; written: string; reason: 'quotes' | 'noArgument' };

export function tokeniseConfigLine(text: string): ConfigLine {
  // A loop, not /[ \t\r\n\f]+$/: that regex takes quadratic time on a long run of blanks
  // followed by anything else (a 100 KB line took seconds).
  let end = text.length;
  while (end > 0 && ' \t\r\n\f'.includes(text[end - 1]!)) end--;
  const line = text.slice(0, end);
  let i = skipSpace(line, 0);
  let written: string;
  if (line[i] === '"') {
    const close = line.indexOf('"', i + 1);
    if (close < 0) return { kind: 'bad', written: '', reason: 'quotes' };
    written = line.slice(i + 1, close);
    i = close + 1;
  } else {
    const start = i;
    while (i < line.length && !/[ \t="]/.test(line[i]!)) i++;
    written = line.slice(start, i);
  }
  if (written === '' || written.startsWith('#')) return { kind: 'blank' };

  i = skipSpace(line, i);
  if (line[i] === '=') i = skipSpace(line, i + 1);
  const args = splitArguments(line.slice(i));
  if (args === null) return { kind: 'bad', written, reason: 'quotes' };
  if (args.length === 0) return { kind: 'bad', written, reason: 'noArgument' };
  return { kind: 'directive', keyword: written.toLowerCase(), written, args };
}

function skipSpace(line: string, from: number): number {
  let i = from;
  while (line[i] === ' ' || line[i] === '\t') i++;
  return i;
}

/** argv_split(…, terminate_on_comment = 1); null for an unclosed quote. */
export function splitArguments(text: string): string[] | null {
  const args: string[] = [];
  let i = 0;
  while (i < text.length) {
    i = skipSpace(text, i);
    if (i >= text.length || text[i] === '#') break;
    let arg = '';
    let quote: string | null = null;
    for (; i < text.length; i++) {
      const c = text[i]!;
      const next = text[i + 1];
      if (c === '\\' && (next === '"' || next === "'" || next === '\\' || (quote === null && next === ' '))) {
        arg += next;
        i++;
      } else if (quote === null && (c === ' ' || c === '\t')) {
        break;
      } else if (quote === null && (c === '"' || c === "'")) {
        quote = c;
      } else if (quote !== null && c === quote) {
        quote = null;
      } else {
        arg += c;
      }
    }
    if (quote !== null) return null;
    args.push(arg);
  }
  return args;
}
