// Terminal output through the whole app path — sshd → ssh2 → flow control →
// WebSocket bridge → xterm.js in Debian's Chromium — against OpenSSH's
// `ssh -tt` writing to /dev/null, in the same run. Needs `npm run build`.
//
//   npx tsx bench/terminal-browser.ts          (about 40 s)
//
// Not a test. The app's figure includes rendering in xterm.js (DOM renderer,
// no GPU here), which `ssh` to /dev/null does not do: the ratio says how much
// of OpenSSH's raw speed the app keeps while showing everything.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { sshArgs, startSshd } from '../test/fixtures/sshd';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/fixtures/chromium';
import { addPortalProfile, firstUse } from '../e2e/fixtures/ui';
import { startHost } from '../e2e/fixtures/host';

const BYTES = Number(process.env.BENCH_BYTES ?? 50_000_000);
const MARKER = 'BENCH-FERTIG';
// Colourful `ls -l`-like lines, what a technician's terminal mostly shows.
const LINE = String.raw`drwxr-xr-x  2 root root  4096 Nov 28 12:00 \033[01;34mverzeichnis\033[0m  -rw-r--r-- 1 www-data www-data 18234 \033[01;32mdatei.conf\033[0m`;
const TEXT = `yes "$(printf '${LINE}')" | head -c ${BYTES}`;

function timeSsh(args: string[], command: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('ssh', [...args, command], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`ssh ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fw-bench-term-'));
  const key = join(dir, 'id');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
  const sshd = await startSshd({ authorizedKeys: [readFileSync(`${key}.pub`, 'utf8')] });
  const host = await startHost({ args: [key] });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await firstUse(page);
    await addPortalProfile(page, { name: 'Bench', host: '127.0.0.1', port: sshd.port, user: sshd.user });
    await page.getByRole('button', { name: 'Verbinden' }).click();
    await page.getByRole('button', { name: 'Akzeptieren und merken' }).click();
    await page.getByRole('status').filter({ hasText: 'Verbunden' }).waitFor();
    await page.keyboard.type('stty -echo; clear\n');
    await page.waitForTimeout(500);

    const started = performance.now();
    // The marker is printed split, so the typed command line cannot match it.
    await page.keyboard.type(
      `head -c ${BYTES} /dev/zero | tr '\\0' x; echo; echo ${MARKER.slice(0, 5)}""${MARKER.slice(5)}\n`,
    );
    // Runs in the page (the CSP forbids string eval); typed loosely, this file is checked for Node.
    type PageGlobal = {
      document: { querySelector(selector: string): { textContent: string | null } | null };
    };
    await page.waitForFunction(
      (marker) =>
        (globalThis as unknown as PageGlobal).document
          .querySelector('.xterm-rows')
          ?.textContent?.includes(marker) ?? false,
      MARKER,
      { timeout: 300_000, polling: 50 },
    );
    const appMs = performance.now() - started;

    const sshMs = await timeSsh(
      ['-tt', ...sshArgs(sshd, ['-q', '-i', key, '-o', 'IdentityAgent=none'])],
      TEXT,
    );
    const mb = BYTES / 1e6;
    const app = mb / (appMs / 1000);
    const ssh = mb / (sshMs / 1000);
    console.log(
      `terminal output ${mb} MB shown in xterm.js (Chromium, DOM renderer): app ${app.toFixed(0)} MB/s; ` +
        `OpenSSH ssh -tt to /dev/null ${ssh.toFixed(0)} MB/s; ratio app/OpenSSH ${(app / ssh).toFixed(2)}`,
    );
  } finally {
    await browser.close();
    await host.stop();
    await sshd.stop();
    removeDirs(dir, host.dataDir);
  }
}

function removeDirs(...dirs: string[]): void {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

await main();
