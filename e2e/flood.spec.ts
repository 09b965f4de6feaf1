// 200 MB of terminal output through the whole path — sshd → ssh2 → flow
// control → WebSocket bridge → xterm.js in Chromium — with a Q typed every
// 300 ms: every byte reaches xterm.js (the page checksums what its write
// callbacks got, Qs left out), each Q's echo is processed within 500 ms (a
// coarse bound; the benchmark holds the real goal), and the host's memory
// grows by less than 64 MB. The page runs without DevTools' Network domain
// (cdp-browser.ts): Playwright's pages copy every WebSocket frame to the
// test, which slows this path by a third.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSshd, type Sshd } from '../test/fixtures/sshd';
import type { BridgeClient } from './fixtures/bridge-client';
import { launchCdpBrowser, type CdpBrowser } from './fixtures/cdp-browser';
import { writeFloodFile, type FloodFile } from './fixtures/flood';
import { removeDir, startHost, type RunningHost } from './fixtures/host';
import { rssOf } from './fixtures/proc';
import { openTerminalTab, prepareHost, PROBE_STATE, settle, type ProbeState } from './fixtures/terminal-page';

const FLOOD_BYTES = 200_000_000;
const Q = 0x51;
const ECHO_EVERY_MS = 300;

let dir: string;
let sshd: Sshd;
let host: RunningHost;
let bridge: BridgeClient;
let browser: CdpBrowser;
let flood: FloodFile;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fw-e2e-flood-'));
  const key = join(dir, 'id');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', key]);
  sshd = await startSshd({ authorizedKeys: [readFileSync(`${key}.pub`, 'utf8')] });
  host = await startHost({ args: [key] });
  bridge = await prepareHost(host, sshd, [{ name: 'Flut', port: sshd.port }]);
  browser = await launchCdpBrowser();
  // Framed by STX … ETX, so the page checksums exactly the file's bytes.
  flood = writeFloodFile(FLOOD_BYTES, { framed: true });
});

test.afterAll(async () => {
  bridge?.close();
  await browser?.close();
  await host?.stop();
  await sshd?.stop();
  flood?.remove();
  if (host) removeDir(host.dataDir);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('200 MB reach xterm.js whole, keystrokes echo within 500 ms, the host stays within 64 MB', async () => {
  test.setTimeout(120_000);
  const page = await openTerminalTab(browser, host, 'Flut');
  await page.type(`cat ${flood.path}`);
  await settle(page, 200);
  await page.evaluate(
    `__fw.hashOn = true; __fw.skip = ${Q}; __fw.watch = ${Q}; __fw.hits = []; __fw.keys = []`,
  );
  const rssBefore = rssOf(host.pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(host.pid))), 50);
  const started = Date.now();
  try {
    await page.press('Enter');
    let nextQ = Date.now() + ECHO_EVERY_MS;
    while ((await page.evaluate<number>('__fw.hashState')) < 2) {
      if (Date.now() - started > 100_000) throw new Error('the flood did not end in 100 s');
      if (Date.now() >= nextQ) {
        await page.press('Q');
        nextQ += ECHO_EVERY_MS;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (Date.now() - started) / 1000;
  const probe = await page.evaluate<ProbeState>(PROBE_STATE);

  // Every byte of the file, in order, as xterm.js's write callbacks got it.
  expect(probe.hashCount).toBe(flood.checksum.count);
  expect(probe.hash).toBe(flood.checksum.hash);

  // Each Q typed during the flood came back (the terminal echoes it into the stream) within 500 ms.
  const typed = probe.keys.filter((k) => k.key === 'Q');
  expect(typed.length).toBeGreaterThan(5);
  const echoes = typed.map((k, i) => probe.hits[i]! - k.at);
  expect(Math.max(...echoes)).toBeLessThan(500);

  const growthMb = (rssPeak - rssBefore) / 2 ** 20;
  expect(growthMb).toBeLessThan(64);
  test.info().annotations.push({
    type: 'flood',
    description: `${(FLOOD_BYTES / 1e6 / seconds).toFixed(1)} MB/s; echo max ${Math.max(...echoes).toFixed(0)} ms; host RSS +${growthMb.toFixed(1)} MiB`,
  });
  // The Qs typed ahead wait in the shell's line: clear it.
  await page.press('u', { ctrl: true });
});
