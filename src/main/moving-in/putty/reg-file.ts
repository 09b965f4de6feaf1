// A registry export (.reg) read into keys and values, as regedit and
// `reg export` write it. Every line that cannot be read becomes a problem
// naming its line (and the value's name, never the line's text: a value may
// hold a password), and reading goes on with the next line, so one damaged
// session does not hide the others. A file cut off in the middle (a copy
// that stopped, a mail attachment cut short) says so as `reg.truncated`, and
// what came before it is still offered.
import type { ImportProblem } from '../../../shared/model/moving-in';
import type { RegistryKey, RegistryValue } from './registry-key';

const HEADERS = new Set(['Windows Registry Editor Version 5.00', 'REGEDIT4']);

export interface RegFile {
  keys: RegistryKey[];
  problems: ImportProblem[];
}

/** `incomplete`: the text stops where more must follow; on the file's last line that means it was cut off. */
type Parsed<T> = { ok: true; value: T; end: number } | { ok: false; incomplete: boolean };

export function parseRegFile(text: string, source: string): RegFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const problems: ImportProblem[] = [];
  const problem = (line: number | null, code: ImportProblem['code'], params: ImportProblem['params'] = {}) =>
    problems.push({ source, line, code, params });

  let first = 0;
  while (first < lines.length && lines[first]!.trim() === '') first++;
  if (first === lines.length || !HEADERS.has(lines[first]!.trim())) {
    problem(null, 'reg.notRegistryExport');
    return { keys: [], problems };
  }
  let last = lines.length - 1;
  while (last > first && lines[last]!.trim() === '') last--;
  // A UTF-16 file cut in the middle of a character ends in U+FFFD.
  const cutInCharacter = lines[last]!.trimEnd().endsWith('\uFFFD');
  const cutOff = (index: number, incomplete: boolean) => index === last && (incomplete || cutInCharacter);

  const keys = new Map<string, RegistryKey>();
  // undefined: no key yet (a value there is a bad line); null: values to pass over
  // (a deleted key `[-…]`, or a key line that could not be read).
  let current: RegistryKey | null | undefined;

  for (let index = first + 1; index < lines.length; index++) {
    const lineNumber = index + 1;
    const trimmed = lines[index]!.trim();
    if (trimmed === '' || trimmed.startsWith(';')) continue;

    if (trimmed.startsWith('[')) {
      const path = trimmed.endsWith(']') ? trimmed.slice(1, -1).trim() : '';
      if (path === '' || path === '-') {
        problem(lineNumber, cutOff(index, !trimmed.endsWith(']')) ? 'reg.truncated' : 'reg.badLine');
        current = null;
      } else if (path.startsWith('-')) {
        current = null;
      } else {
        current = keys.get(path.toLowerCase());
        if (!current) {
          current = { path, line: lineNumber, values: new Map() };
          keys.set(path.toLowerCase(), current);
        }
      }
      continue;
    }

    if (!trimmed.startsWith('"') && !trimmed.startsWith('@')) {
      problem(lineNumber, cutOff(index, false) ? 'reg.truncated' : 'reg.badLine');
      continue;
    }

    const name = trimmed.startsWith('@') ? { ok: true as const, value: '', end: 1 } : readQuoted(trimmed, 0);
    if (!name.ok) {
      problem(lineNumber, cutOff(index, name.incomplete) ? 'reg.truncated' : 'reg.badLine');
      continue;
    }
    const afterName = trimmed.slice(name.end).trimStart();
    if (!afterName.startsWith('=')) {
      const incomplete = afterName === '';
      problem(lineNumber, cutOff(index, incomplete) ? 'reg.truncated' : 'reg.badValue', { name: name.value });
      continue;
    }
    let data = afterName.slice(1).trim();

    // hex values go on over lines ending in a backslash.
    let endOfFile = false;
    if (/^hex(\([0-9a-f]*\))?:/i.test(data)) {
      while (data.endsWith('\\')) {
        data = data.slice(0, -1).trimEnd();
        index++;
        if (index >= lines.length) {
          endOfFile = true;
          break;
        }
        data += lines[index]!.trim();
      }
    }
    if (endOfFile) {
      problem(lineNumber, 'reg.truncated', { name: name.value });
      break;
    }

    const value = parseData(data, lineNumber);
    if (value === 'deleted') continue;
    if (!value.ok) {
      const code = cutOff(index, value.incomplete) ? 'reg.truncated' : 'reg.badValue';
      problem(lineNumber, code, { name: name.value });
      continue;
    }
    if (current === undefined) problem(lineNumber, 'reg.badLine');
    else if (current !== null) current.values.set(name.value, value.value);
  }
  return { keys: [...keys.values()], problems };
}

/** A string in double quotes from `start` (the opening quote), with regedit's `\\` and `\"` escapes. */
function readQuoted(text: string, start: number): Parsed<string> {
  if (text[start] !== '"') return { ok: false, incomplete: false };
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') return { ok: true, value, end: i + 1 };
    if (char === '\\' && (text[i + 1] === '\\' || text[i + 1] === '"')) {
      value += text[i + 1];
      i++;
    } else {
      value += char;
    }
  }
  return { ok: false, incomplete: true };
}

function parseData(data: string, line: number): Parsed<RegistryValue> | 'deleted' {
  if (data === '-') return 'deleted';
  if (data.startsWith('"')) {
    const quoted = readQuoted(data, 0);
    if (!quoted.ok) return quoted;
    if (data.slice(quoted.end).trim() !== '') return { ok: false, incomplete: false };
    return { ok: true, value: { kind: 'string', value: quoted.value, line }, end: data.length };
  }
  const dword = /^dword:([0-9a-f]{1,8})$/i.exec(data);
  if (dword)
    return { ok: true, value: { kind: 'dword', value: parseInt(dword[1]!, 16), line }, end: data.length };
  const hex = /^hex(?:\(([0-9a-f]{1,8})\))?:(.*)$/i.exec(data);
  if (hex) {
    const body = hex[2]!.replace(/\s+/g, '');
    const parts = body === '' ? [] : body.split(',');
    if (parts.some((part) => !/^[0-9a-f]{1,2}$/i.test(part)))
      return { ok: false, incomplete: body.endsWith(',') };
    const bytes = Uint8Array.from(parts, (part) => parseInt(part, 16));
    const type = hex[1] === undefined ? 3 : parseInt(hex[1], 16);
    return { ok: true, value: { kind: 'hex', type, bytes, line }, end: data.length };
  }
  // A line cut short inside the type: `dwo`, `dword:`, `hex(`.
  const lower = data.toLowerCase();
  const incomplete =
    data === '' ||
    'dword:'.startsWith(lower) ||
    'hex:'.startsWith(lower) ||
    /^hex\([0-9a-f]*\)?$/.test(lower);
  return { ok: false, incomplete };
}
