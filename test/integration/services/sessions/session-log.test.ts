// Session logging against a real sshd through the whole backend: printable
// output under the chosen name pattern, without a secret typed at an echo-off
// prompt (`read -s`), and nothing at all when logging is off.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggingSettings } from '../../../../src/shared/model/settings';
import type { TestBackend } from '../../../fixtures/app/backend';
import { watchSessions } from '../../../fixtures/app/session-watch';
import { startSshdLab, type SshdLab } from '../../../fixtures/app/sshd-lab';
import type { Sshd } from '../../../fixtures/sshd';

const SECRET = 'Geheim-Pferd-4711';

describe('session logging', () => {
  let lab: SshdLab;
  let sshd: Sshd;
  let dir: string;
  let app: TestBackend;
  let profileId: string;

  beforeAll(async () => {
    lab = await startSshdLab();
    ({ app, sshd, keyDir: dir } = lab);
    profileId = (await lab.portalProfile('Test Schule')).id;
  });
  afterAll(async () => {
    await lab?.stop();
  });

  /** Opens a session, runs `script` in it (each step waits for its text), exits, and waits for the end. */
  async function session(logging: Partial<LoggingSettings>, script: Array<[string, string]>) {
    await app.api.settings.update({ logging });
    const w = watchSessions(app.api);
    const { sessionId } = await app.api.sessions.open({ profileId, cols: 100, rows: 30 });
    await w.until(() => w.stateOf(sessionId).some((s) => s.state === 'connected'), 'connected');
    for (const [input, waitFor] of script) {
      await app.api.terminal.write({ sessionId, data: input });
      await w.until(() => (w.output.get(sessionId) ?? '').includes(waitFor), waitFor);
      // Give the command time to start (read -s turns the echo off only once it runs).
      await new Promise((r) => setTimeout(r, 300));
    }
    await app.api.terminal.write({ sessionId, data: 'exit\n' });
    await w.until(() => w.stateOf(sessionId).some((s) => s.state === 'disconnected'), 'disconnected');
    return w.output.get(sessionId) ?? '';
  }

  it('writes the printable output under the name pattern, without what was typed at an echo-off prompt', async () => {
    const folder = join(dir, 'logs');
    const screen = await session(
      { mode: 'printable', folder, namePattern: '&N-&H-&P-&Y.log', timestamps: false },
      [
        ['read -s X\n', 'read -s X'],
        // The shell reads the secret (no echo), then shows its length: proof it arrived.
        [`${SECRET}\n`, ''],
        ['echo "len=${#X}" "do""ne"\n', `len=${SECRET.length} done`],
      ],
    );
    expect(screen).not.toContain(SECRET);

    const name = `Test Schule-127.0.0.1-${sshd.port}-${new Date().getFullYear()}.log`;
    const path = join(folder, name);
    // The log is closed a moment after the session ends.
    await expect
      .poll(() => existsSync(path) && readFileSync(path, 'utf8'), { timeout: 5_000 })
      .toContain('done');
    expect(readdirSync(folder)).toEqual([name]);
    const log = readFileSync(path, 'utf8');
    expect(log).toMatch(/^=~=~=~=~=~=~=~=~=~=~=~= Fernwartung log \[.*\] 127\.0\.0\.1:\d+ \(Test Schule\)/);
    expect(log).toContain('read -s X\r\n');
    expect(log).toContain(`len=${SECRET.length} done\r\n`);
    expect(log).not.toContain(SECRET);
    // Printable: bash's bracketed-paste mode and any colours are gone, the text is there.
    expect(log).not.toContain('\x1b');
    expect(screen).toContain('\x1b[?2004h');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('writes nothing when logging is off', async () => {
    const folder = join(dir, 'off');
    await session({ mode: 'off', folder }, [['echo "nicht""s"\n', 'nichts']]);
    await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(folder)).toBe(false);
  });
});
