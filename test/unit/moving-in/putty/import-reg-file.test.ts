// importPuttyRegFile on damaged files: whatever can be read is offered, and
// every problem names its line.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importPuttyRegFile } from '../../../../src/main/moving-in/putty';
import { encodeRegText, puttyRegFile, puttyRegText, puttySession } from '../../../fixtures/putty-reg';

const sessions = [
  puttySession('Erste Schule', { HostName: 'erste.de' }),
  puttySession('Zweite Schule', { HostName: 'zweite.de' }),
  puttySession('Dritte Schule', { HostName: 'dritte.de', UserName: 'admin' }),
];

function lineOf(text: string, needle: string): number {
  return text.split('\r\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('importPuttyRegFile: damaged files', () => {
  it('offers the sessions before the point where a UTF-16 export was cut off', () => {
    const text = puttyRegText({ sessions });
    const cut = text.indexOf('"UserName"="admin"') + '"UserName"="adm'.length;
    const bytes = encodeRegText(text, 'utf-16le');
    // 2 bytes of byte order mark, 2 per character; an odd cut leaves half a character.
    for (const end of [2 + 2 * cut, 2 + 2 * cut + 1]) {
      const result = importPuttyRegFile(bytes.subarray(0, end), 'cut.reg');
      expect(result.problems).toEqual([
        {
          source: 'cut.reg',
          line: lineOf(text, '"UserName"="admin"'),
          code: 'reg.truncated',
          params: { name: 'UserName' },
        },
      ]);
      expect(result.profiles.map((p) => [p.name, p.host, p.user])).toEqual([
        ['Erste Schule', 'erste.de', ''],
        ['Zweite Schule', 'zweite.de', ''],
        ['Dritte Schule', 'dritte.de', ''],
      ]);
    }
  });

  it('reads the rest of a session around a bad line, naming the line only', () => {
    const text = puttyRegText({ sessions }).replace(
      '"HostName"="zweite.de"',
      '"HostName"="zweite.de"\r\nGeheim: hunter2',
    );
    const result = importPuttyRegFile(encodeRegText(text, 'utf-16le'), 'bad.reg');
    expect(result.problems).toEqual([
      { source: 'bad.reg', line: lineOf(text, 'Geheim'), code: 'reg.badLine', params: {} },
    ]);
    expect(result.profiles.map((p) => p.host)).toEqual(['erste.de', 'zweite.de', 'dritte.de']);
  });

  it('reports binary garbage as no registry export, and never throws', () => {
    for (let i = 0; i < 20; i++) {
      const result = importPuttyRegFile(randomBytes(4096), 'garbage.bin');
      expect(result.profiles).toEqual([]);
      expect(result.hostKeys).toEqual([]);
      expect(result.problems).toEqual([
        { source: 'garbage.bin', line: null, code: 'reg.notRegistryExport', params: {} },
      ]);
    }
    expect(importPuttyRegFile(new Uint8Array(0), 'empty.reg').problems.map((p) => p.code)).toEqual([
      'reg.notRegistryExport',
    ]);
  });

  it('reads the export in front of garbage appended to it', () => {
    const bytes = Buffer.concat([
      puttyRegFile({ sessions: sessions.slice(0, 1) }, { encoding: 'utf-8' }),
      Buffer.from('\x00\x01\x02\r\n\xff\xfe"x\r\n'),
    ]);
    const result = importPuttyRegFile(bytes, 'tail.reg');
    expect(result.profiles.map((p) => p.host)).toEqual(['erste.de']);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((p) => p.code.startsWith('reg.') && typeof p.line === 'number')).toBe(true);
  });
});
