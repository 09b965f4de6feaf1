// The .reg parser: every value form regedit writes, and damaged files (bad
// lines, cut off, not an export at all) reported by line while the rest is
// still read.
import { describe, expect, it } from 'vitest';
import { parseRegFile } from '../../../../src/main/moving-in/putty/reg-file';
import type { RegistryKey } from '../../../../src/main/moving-in/putty/registry-key';

const V5 = 'Windows Registry Editor Version 5.00';

function reg(...lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

function key(keys: RegistryKey[], path: string): RegistryKey {
  const found = keys.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no key ${path}`);
  return found;
}

describe('parseRegFile: what regedit writes', () => {
  it('reads keys with their lines and string, dword, default and hex values', () => {
    const { keys, problems } = parseRegFile(
      reg(
        V5,
        '',
        '[HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions\\Schule%20M%FCnchen]',
        '"HostName"="schule.de"',
        '"PortNumber"=dword:00000016',
        '"Big"=dword:ffffffff',
        '@="Vorgabe"',
        '"Bin"=hex:01,ab,FF',
        '"Expand"=hex(2):25,00,41,00,00,00',
        '"Empty"=""',
        '',
      ),
      'a.reg',
    );
    expect(problems).toEqual([]);
    expect(keys).toHaveLength(1);
    const session = keys[0]!;
    expect(session.path).toBe(
      'HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions\\Schule%20M%FCnchen',
    );
    expect(session.line).toBe(3);
    expect(session.values.get('HostName')).toEqual({ kind: 'string', value: 'schule.de', line: 4 });
    expect(session.values.get('PortNumber')).toEqual({ kind: 'dword', value: 22, line: 5 });
    expect(session.values.get('Big')).toEqual({ kind: 'dword', value: 0xffffffff, line: 6 });
    expect(session.values.get('')).toEqual({ kind: 'string', value: 'Vorgabe', line: 7 });
    expect(session.values.get('Bin')).toEqual({
      kind: 'hex',
      type: 3,
      bytes: Uint8Array.from([1, 0xab, 0xff]),
      line: 8,
    });
    expect(session.values.get('Expand')).toMatchObject({ kind: 'hex', type: 2, line: 9 });
    expect(session.values.get('Empty')).toEqual({ kind: 'string', value: '', line: 10 });
  });

  it('undoes regedit’s escapes in names and strings', () => {
    const { keys, problems } = parseRegFile(
      reg(
        V5,
        '[HKEY_CURRENT_USER\\K]',
        '"Pfad \\"x\\""="C:\\\\Users\\\\Jörg\\\\key.ppk"',
        '"Cmd"="a \\"b\\" c"',
      ),
      'a.reg',
    );
    expect(problems).toEqual([]);
    expect(keys[0]!.values.get('Pfad "x"')).toMatchObject({ value: 'C:\\Users\\Jörg\\key.ppk' });
    expect(keys[0]!.values.get('Cmd')).toMatchObject({ value: 'a "b" c' });
  });

  it('joins hex values continued over lines and keeps the first line', () => {
    const { keys, problems } = parseRegFile(
      reg(
        V5,
        '[HKEY_CURRENT_USER\\K]',
        '"Long"=hex:01,02,\\',
        '  03,04,\\',
        '  05',
        '"After"=dword:00000001',
      ),
      'a.reg',
    );
    expect(problems).toEqual([]);
    expect(key(keys, 'HKEY_CURRENT_USER\\K').values.get('Long')).toEqual({
      kind: 'hex',
      type: 3,
      bytes: Uint8Array.from([1, 2, 3, 4, 5]),
      line: 3,
    });
    expect(key(keys, 'HKEY_CURRENT_USER\\K').values.get('After')).toMatchObject({ value: 1, line: 6 });
  });

  it('passes over deleted keys and values, comments and blank lines', () => {
    const { keys, problems } = parseRegFile(
      reg(
        'REGEDIT4',
        '; exported by hand',
        '[-HKEY_CURRENT_USER\\Gone]',
        '"Inside"="ignored"',
        '[HKEY_CURRENT_USER\\K]',
        '"Removed"=-',
        '   ',
        '"Kept"="yes"',
      ),
      'a.reg',
    );
    expect(problems).toEqual([]);
    expect(keys.map((k) => k.path)).toEqual(['HKEY_CURRENT_USER\\K']);
    expect([...keys[0]!.values.keys()]).toEqual(['Kept']);
  });

  it('merges a key that appears twice, the later value winning', () => {
    const { keys } = parseRegFile(
      reg(V5, '[HKEY_CURRENT_USER\\K]', '"A"="1"', '"B"="1"', '[HKEY_CURRENT_USER\\k]', '"B"="2"'),
      'a.reg',
    );
    expect(keys).toHaveLength(1);
    expect(keys[0]!.line).toBe(2);
    expect(keys[0]!.values.get('A')).toMatchObject({ value: '1' });
    expect(keys[0]!.values.get('B')).toMatchObject({ value: '2', line: 6 });
  });

  it('reads LF and lone CR line ends too', () => {
    const text = `${V5}\n[HKEY_CURRENT_USER\\K]\r"A"="1"\n`;
    const { keys, problems } = parseRegFile(text, 'a.reg');
    expect(problems).toEqual([]);
    expect(keys[0]!.values.get('A')).toMatchObject({ value: '1', line: 3 });
  });
});

describe('parseRegFile: damaged files', () => {
  it('refuses a file without the header, naming no line', () => {
    for (const text of [
      '[HKEY_CURRENT_USER\\K]\r\n"A"="1"\r\n',
      '',
      'Windows Registry Editor Version 4.00\r\n',
    ]) {
      expect(parseRegFile(text, 'x.reg')).toEqual({
        keys: [],
        problems: [{ source: 'x.reg', line: null, code: 'reg.notRegistryExport', params: {} }],
      });
    }
  });

  it('reports each bad line by number and name only, and reads the rest', () => {
    const secret = 'Geheim123!';
    const { keys, problems } = parseRegFile(
      reg(
        V5,
        '[HKEY_CURRENT_USER\\K]',
        `"ProxyPassword"="${secret}`, // 3: string never closed
        `just ${secret} text`, // 4: not a registry line
        '"Port"=dword:xyz', // 5
        '"Bytes"=hex:01,zz', // 6
        '"Odd"="a" trailing', // 7
        `"Unnamed`, // 8: the name never closed
        '"NoEquals" "x"', // 9
        '[]', // 10
        '"Orphan"="lost"', // 11: its key line was unreadable, so it is passed over
        '[HKEY_CURRENT_USER\\L]',
        '"Good"="still read"',
        '"Last"="fine"',
      ),
      'a.reg',
    );
    expect(problems).toEqual([
      { source: 'a.reg', line: 3, code: 'reg.badValue', params: { name: 'ProxyPassword' } },
      { source: 'a.reg', line: 4, code: 'reg.badLine', params: {} },
      { source: 'a.reg', line: 5, code: 'reg.badValue', params: { name: 'Port' } },
      { source: 'a.reg', line: 6, code: 'reg.badValue', params: { name: 'Bytes' } },
      { source: 'a.reg', line: 7, code: 'reg.badValue', params: { name: 'Odd' } },
      { source: 'a.reg', line: 8, code: 'reg.badLine', params: {} },
      { source: 'a.reg', line: 9, code: 'reg.badValue', params: { name: 'NoEquals' } },
      { source: 'a.reg', line: 10, code: 'reg.badLine', params: {} },
    ]);
    expect(JSON.stringify(problems)).not.toContain(secret);
    expect(key(keys, 'HKEY_CURRENT_USER\\K').values.size).toBe(0);
    expect(key(keys, 'HKEY_CURRENT_USER\\L').values.get('Good')).toMatchObject({
      value: 'still read',
      line: 13,
    });
    expect(key(keys, 'HKEY_CURRENT_USER\\L').values.get('Last')).toMatchObject({ value: 'fine' });
  });

  it('calls a value before any key a bad line', () => {
    const { keys, problems } = parseRegFile(reg(V5, '"A"="1"', '[HKEY_CURRENT_USER\\K]', '"B"="2"'), 'a.reg');
    expect(problems).toEqual([{ source: 'a.reg', line: 2, code: 'reg.badLine', params: {} }]);
    expect(keys[0]!.values.get('B')).toMatchObject({ value: '2' });
  });

  describe('a file cut off', () => {
    const head = [V5, '', '[HKEY_CURRENT_USER\\K]', '"HostName"="schule.de"'];
    const cases: Array<[string, string, Record<string, string>]> = [
      ['inside a string', '"UserName"="adm', { name: 'UserName' }],
      ['inside a name', '"UserNa', {}],
      ['after the equals sign', '"UserName"=', { name: 'UserName' }],
      ['inside the type', '"PortNumber"=dwo', { name: 'PortNumber' }],
      ['after dword:', '"PortNumber"=dword:', { name: 'PortNumber' }],
      ['after a hex comma', '"Bin"=hex:01,02,', { name: 'Bin' }],
      ['inside a key line', '[HKEY_CURRENT_USER\\Softw', {}],
    ];
    for (const [where, last, params] of cases) {
      it(`${where}: reg.truncated on that line, what came before still read`, () => {
        const { keys, problems } = parseRegFile([...head, last].join('\r\n'), 'cut.reg');
        expect(problems).toEqual([{ source: 'cut.reg', line: 5, code: 'reg.truncated', params }]);
        expect(key(keys, 'HKEY_CURRENT_USER\\K').values.get('HostName')).toMatchObject({
          value: 'schule.de',
        });
      });
    }

    it('inside a hex value continued over lines: the value’s first line', () => {
      const { keys, problems } = parseRegFile(
        [...head, '"Bin"=hex:01,02,\\', '  03,04,\\'].join('\r\n'),
        'cut.reg',
      );
      expect(problems).toEqual([
        { source: 'cut.reg', line: 5, code: 'reg.truncated', params: { name: 'Bin' } },
      ]);
      expect(key(keys, 'HKEY_CURRENT_USER\\K').values.has('Bin')).toBe(false);
      expect(key(keys, 'HKEY_CURRENT_USER\\K').values.get('HostName')).toBeDefined();
    });

    it('in the middle of a UTF-16 character', () => {
      const { problems } = parseRegFile([...head, '"UserName"="admin"\uFFFD'].join('\r\n'), 'cut.reg');
      expect(problems).toEqual([
        { source: 'cut.reg', line: 5, code: 'reg.truncated', params: { name: 'UserName' } },
      ]);
    });

    it('is not claimed for a complete but bad last line', () => {
      const { problems } = parseRegFile([...head, '"PortNumber"=dword:xyz', ''].join('\r\n'), 'a.reg');
      expect(problems).toEqual([
        { source: 'a.reg', line: 5, code: 'reg.badValue', params: { name: 'PortNumber' } },
      ]);
    });
  });
});
