// One app per data folder, across processes: a child backend holds the
// folder; while it lives a second start refuses, after SIGKILL (no clean-up
// runs) a new backend starts at once.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/app-error';
import { acquireInstanceLock, LOCK_FILE } from '../../../src/main/storage/instance-lock';
import { startTestBackend, type TestBackend } from '../../fixtures/app/backend';

const CHILD = join(import.meta.dirname, 'hold-data-folder.ts');
const children: ChildProcess[] = [];
const opened: TestBackend[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const t of opened.splice(0)) await t.backend.dispose();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fw-lock-'));
  dirs.push(dir);
  return dir;
}

/** Starts the child and resolves with its first line (HELD or REFUSED <code>). */
function holdInChild(dir: string): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('\n')) resolve({ child, line: out.trim() });
    });
    child.on('exit', (code) => {
      if (!out.includes('\n')) reject(new Error(`child ended with ${code} before a line`));
    });
  });
}

function refusal(dir: string): unknown {
  try {
    const t = startTestBackend(dir);
    opened.push(t);
    return undefined;
  } catch (error) {
    return error;
  }
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('one app per data folder', () => {
  it('refuses while another process holds the folder, and starts at once after that process is killed', async () => {
    const dir = dataDir();
    const { child, line } = await holdInChild(dir);
    expect(line).toBe('HELD');

    const error = refusal(dir);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).toInfo()).toEqual({
      code: 'storage.dataFolderInUse',
      params: { folder: dir, pid: child.pid },
    });
    // The refused start wrote nothing: the holder's documents are as it left them.
    const settings = readFileSync(join(dir, 'settings.json'), 'utf8');

    await killed(child);
    // SIGKILL: no exit handler ran, the lock file still names the dead process.
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: child.pid });
    const t = startTestBackend(dir);
    opened.push(t);
    expect(await t.api.app.info()).toMatchObject({ notices: [] });
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(settings);
  });

  it('a child refuses while this process holds the folder, and takes it after this backend is disposed', async () => {
    const dir = dataDir();
    const t = startTestBackend(dir);
    expect((await holdInChild(dir)).line).toBe('REFUSED storage.dataFolderInUse');
    await t.backend.dispose();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect((await holdInChild(dir)).line).toBe('HELD');
  });

  it('within one process too, a second backend on the same folder is refused until the first is disposed', async () => {
    const dir = dataDir();
    const first = startTestBackend(dir);
    expect((refusal(dir) as AppError).code).toBe('storage.dataFolderInUse');
    await first.backend.dispose();
    // Disposing twice (cleanup after restart) never removes the next holder's lock.
    const second = startTestBackend(dir);
    opened.push(second);
    await first.backend.dispose();
    expect((refusal(dir) as AppError).code).toBe('storage.dataFolderInUse');
  });

  it.skipIf(process.platform !== 'linux')(
    'a holder killed but not yet collected by its parent (a zombie) is dead',
    async () => {
      const dir = dataDir();
      // The holder's parent is `sleep`, which never collects it (Node would at once).
      const parent = spawn('sh', ['-c', 'node --import tsx "$0" "$1" & exec sleep 120', CHILD, dir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(parent);
      await new Promise<void>((resolve) => parent.stdout!.once('data', () => resolve()));
      const holder = (JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number }).pid;
      expect((refusal(dir) as AppError).code).toBe('storage.dataFolderInUse');
      process.kill(holder, 'SIGKILL');
      await expect.poll(() => readFileSync(`/proc/${holder}/stat`, 'utf8').split(') ')[1]![0]).toBe('Z');
      const t = startTestBackend(dir);
      opened.push(t);
      expect((await t.api.app.info()).notices).toEqual([]);
    },
  );

  it('treats a lock file of a process from an earlier boot, or garbage, as stale', () => {
    const dir = dataDir();
    const path = join(dir, LOCK_FILE);
    // pid 1 lives, but not in a boot a year ago.
    writeFileSync(path, JSON.stringify({ pid: 1, token: 'x', boot: Date.now() - 365 * 86_400_000 }));
    acquireInstanceLock(dir).release();
    writeFileSync(path, '\0\0garbage');
    const lock = acquireInstanceLock(dir);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
    expect(existsSync(path)).toBe(false);
  });
});
