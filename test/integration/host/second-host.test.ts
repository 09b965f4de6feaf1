// Two headless hosts on one data folder: the second refuses with one sentence
// on stderr (in the system's language) and exit code 1, and prints no
// KEY=value line a tool could take for a running host. Runs the built host
// (out/host, from `npm run build`).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireInstanceLock } from '../../../src/main/storage/instance-lock';

const hostBundle = 'out/host/index.js';

function runHost(
  dataDir: string,
  lang: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [hostBundle, '--data-dir', dataDir, '--home', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LANG: lang, LC_ALL: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('a second host on the same data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'fw-second-host-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses with a sentence naming the folder and the holder, and exits 1', async () => {
    if (!existsSync(hostBundle)) throw new Error(`${hostBundle} is missing: run npm run build first`);
    // This test process stands for the first instance (the desktop app or another host).
    const held = acquireInstanceLock(dataDir);
    try {
      const de = await runHost(dataDir, 'de_DE.UTF-8');
      expect(de.code).toBe(1);
      expect(de.stdout).toBe('');
      expect(de.stderr).toContain('Fernwartung kann nicht starten');
      expect(de.stderr).toContain(`Datenordner ${dataDir} (Prozess ${process.pid}`);
      const en = await runHost(dataDir, 'en_US.UTF-8');
      expect(en.code).toBe(1);
      expect(en.stderr).toContain(`already running with the data folder ${dataDir} (process ${process.pid}`);
    } finally {
      held.release();
    }
  });
});
