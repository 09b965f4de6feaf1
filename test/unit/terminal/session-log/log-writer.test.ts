// The log writer: a size cap that begins the next file, owner-only files,
// timestamps per line, and a failing disk that is reported once and never
// throws into the session.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorInfo } from '../../../../src/shared/errors';
import { defaultLoggingSettings, type LoggingSettings } from '../../../../src/shared/model/settings';
import { formatStamp, LineStamper } from '../../../../src/main/terminal/session-log/line-stamper';
import { LogWriter, type LogWriteFailure } from '../../../../src/main/terminal/session-log/log-writer';
import { startSessionLog } from '../../../../src/main/terminal/session-log/session-log';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fw-logwriter-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const read = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('LogWriter', () => {
  it('begins the next file, with a counter, before one would grow past the cap', async () => {
    const failures: LogWriteFailure[] = [];
    const writer = new LogWriter({
      folder: dir,
      name: 'x.log',
      maxBytes: 10,
      header: ({ counter }) => Buffer.from(`#${counter}\n`),
      onError: (f) => failures.push(f),
    });
    for (const chunk of ['aaaa', 'bbbb', 'cc', 'dddddd', 'e']) writer.write(Buffer.from(chunk));
    // A chunk larger than a whole file is the only thing cut.
    writer.write(Buffer.from('ffffffffffffffffffff'));
    await writer.close();
    expect(failures).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['x-2.log', 'x-3.log', 'x-4.log', 'x-5.log', 'x-6.log', 'x.log']);
    expect(read('x.log')).toBe('#1\naaaa'); // with bbbb it would be 11 bytes
    expect(read('x-2.log')).toBe('#2\nbbbbcc');
    expect(read('x-3.log')).toBe('#3\ndddddde'); // exactly 10
    // The 20 f's: what room is left in each file.
    expect(['x-4.log', 'x-5.log', 'x-6.log'].map(read)).toEqual(['#4\nfffffff', '#5\nfffffff', '#6\nffffff']);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(10);
  });

  it('takes the next free name when a rolled file name is taken', async () => {
    writeFileSync(join(dir, 'x-2.log'), 'not ours');
    const writer = new LogWriter({ folder: dir, name: 'x.log', maxBytes: 4, onError: () => {} });
    writer.write(Buffer.from('1234'));
    writer.write(Buffer.from('5678'));
    await writer.close();
    expect([read('x.log'), read('x-2.log'), read('x-3.log')]).toEqual(['1234', 'not ours', '5678']);
  });

  it.skipIf(process.platform === 'win32')('creates its files 0600 and its folder 0700', async () => {
    const folder = join(dir, 'logs', 'sessions');
    const writer = new LogWriter({ folder, name: 'x.log', maxBytes: 2, onError: () => {} });
    writer.write(Buffer.from('ab'));
    writer.write(Buffer.from('cd'));
    await writer.close();
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(readdirSync(folder)).toHaveLength(2);
    for (const name of readdirSync(folder)) expect(statSync(join(folder, name)).mode & 0o777).toBe(0o600);
  });

  it('reports a folder it cannot create once, and swallows later output without throwing', async () => {
    writeFileSync(join(dir, 'blocked'), 'a file where the folder should be');
    const onError = vi.fn();
    const writer = new LogWriter({
      folder: join(dir, 'blocked', 'logs'),
      name: 'x.log',
      maxBytes: 100,
      onError,
    });
    writer.write(Buffer.from('one'));
    await vi.waitFor(() => expect(onError).toHaveBeenCalled());
    expect(() => writer.write(Buffer.from('two'))).not.toThrow();
    await writer.close();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatchObject({
      file: join(dir, 'blocked', 'logs', 'x.log'),
      detail: expect.stringMatching(/ENOTDIR|EEXIST/),
    });
    expect(writer.path).toBeUndefined();
  });

  it('reports a write that fails (disk full) once, stops, and never rejects', async () => {
    // FileHandle is not exported; its prototype is reached through an open handle.
    const probe = await open(join(dir, 'probe'), 'w');
    const prototype = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<unknown> };
    await probe.close();
    const write = vi
      .spyOn(prototype, 'write')
      .mockRejectedValue(
        Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
      );
    const onError = vi.fn();
    const writer = new LogWriter({ folder: dir, name: 'x.log', maxBytes: 100, onError });
    for (let i = 0; i < 5; i++) writer.write(Buffer.from(`line ${i}\n`));
    await vi.waitFor(() => expect(onError).toHaveBeenCalled());
    for (let i = 0; i < 5; i++) writer.write(Buffer.from(`later ${i}\n`));
    await expect(writer.close()).resolves.toBeUndefined();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toEqual({
      file: join(dir, 'x.log'),
      detail: 'ENOSPC: no space left on device, write',
    });
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('holds at most its backlog while the disk is behind, and says in the log what it left out', async () => {
    const writer = new LogWriter({
      folder: dir,
      name: 'x.log',
      maxBytes: 1000,
      onError: () => {},
      maxBacklogBytes: 8,
    });
    // All synchronous: the file is not even open yet.
    writer.write(Buffer.from('12345678'));
    writer.write(Buffer.from('lost')); // over the backlog
    await writer.close();
    expect(read('x.log')).toBe('\r\n[Fernwartung: 4 bytes not logged, the disk was behind]\r\n12345678');
  });
});

describe('timestamps', () => {
  it('begins each line with the time its first byte arrived, not a CR alone', () => {
    let now = new Date(2025, 0, 31, 14, 3, 5);
    const stamper = new LineStamper(() => now);
    const out = [
      stamper.push(Buffer.from('one\r\ntw')),
      (now = new Date(2025, 0, 31, 14, 3, 9)),
      stamper.push(Buffer.from('o\r\n')),
      stamper.push(Buffer.from('50%\r60%\r\n')),
    ];
    expect(Buffer.concat(out.filter((o): o is Buffer => Buffer.isBuffer(o))).toString()).toBe(
      '[2025-01-31 14:03:05] one\r\n[2025-01-31 14:03:05] two\r\n[2025-01-31 14:03:09] 50%\r60%\r\n',
    );
    expect(formatStamp(new Date(2025, 8, 1, 7, 0, 0))).toBe('[2025-09-01 07:00:00] ');
  });
});

describe('startSessionLog', () => {
  const target = { host: 'meine-schule.de', port: 22, profile: 'Meine Schule' };
  const now = () => new Date(2025, 2, 5, 9, 7, 3);
  const settings = (logging: Partial<LoggingSettings>): LoggingSettings => ({
    ...defaultLoggingSettings,
    folder: dir,
    ...logging,
  });

  it('writes nothing when off', () => {
    const notices: ErrorInfo[] = [];
    const log = startSessionLog({
      settings: settings({ mode: 'off' }),
      defaultFolder: dir,
      target,
      onNotice: (n) => notices.push(n),
    });
    expect(log).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes the printable output with timestamps to the pattern name, a header first', async () => {
    const log = startSessionLog({
      settings: settings({ mode: 'printable', timestamps: true, namePattern: '&N-&Y&M&D-&T.txt' }),
      defaultFolder: '/nowhere',
      target,
      onNotice: () => {},
      now,
    })!;
    const chunk = Buffer.from('\x1b[01;34mbackup\x1b[0m\r\n$ ');
    log.output(chunk);
    chunk.fill(0); // the caller reuses its buffer
    await log.close();
    expect(readdirSync(dir)).toEqual(['Meine Schule-20250305-090703.txt']);
    expect(read('Meine Schule-20250305-090703.txt')).toBe(
      '=~=~=~=~=~=~=~=~=~=~=~= Fernwartung log [2025-03-05 09:07:03] meine-schule.de:22 (Meine Schule) =~=~=~=~=~=~=~=~=~=~=~=\r\n' +
        '[2025-03-05 09:07:03] backup\r\n[2025-03-05 09:07:03] $ ',
    );
  });

  it('writes every byte in mode all, a copy of what the caller reuses', async () => {
    const log = startSessionLog({
      settings: settings({ mode: 'all' }),
      defaultFolder: '',
      target,
      onNotice: () => {},
      now,
    })!;
    const chunk = Buffer.from('\x1b[31mred\x07\r\n');
    log.output(chunk);
    chunk.fill(0);
    await log.close();
    const [name] = readdirSync(dir);
    expect(name).toBe('20250305-090703-meine-schule.de.log');
    expect(read(name!).split('\r\n').slice(1).join('\r\n')).toBe('\x1b[31mred\x07\r\n');
  });

  it('uses the default folder when none is set, and refuses a relative one with a notice', async () => {
    const defaultFolder = join(dir, 'logs', 'sessions');
    const log = startSessionLog({
      settings: settings({ mode: 'printable', folder: '' }),
      defaultFolder,
      target,
      onNotice: () => {},
      now,
    })!;
    await log.close();
    expect(readdirSync(defaultFolder)).toEqual(['20250305-090703-meine-schule.de.log']);

    const notices: ErrorInfo[] = [];
    const relative = startSessionLog({
      settings: settings({ mode: 'printable', folder: 'logs' }),
      defaultFolder,
      target,
      onNotice: (n) => notices.push(n),
    });
    expect(relative).toBeNull();
    expect(notices).toEqual([{ code: 'sessionLog.folderNotAbsolute', params: { folder: 'logs' } }]);
  });

  it('turns a write failure into one sessionLog.writeFailed notice', async () => {
    writeFileSync(join(dir, 'blocked'), '');
    const notices: ErrorInfo[] = [];
    const log = startSessionLog({
      settings: settings({ mode: 'all', folder: join(dir, 'blocked') }),
      defaultFolder: '',
      target,
      onNotice: (n) => notices.push(n),
      now,
    })!;
    log.output(Buffer.from('a'));
    await vi.waitFor(() => expect(notices).toHaveLength(1));
    log.output(Buffer.from('b'));
    await log.close();
    expect(notices).toEqual([
      {
        code: 'sessionLog.writeFailed',
        params: {
          file: join(dir, 'blocked', '20250305-090703-meine-schule.de.log'),
          detail: expect.any(String),
        },
      },
    ]);
  });
});
