// The test rig itself: a real sshd that a plain ssh2 client logs in to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sshExec } from '../fixtures/ssh-exec';
import { startSshd, type Sshd } from '../fixtures/sshd';

describe('sshd fixture', () => {
  let sshd: Sshd;
  let keyDir: string;
  beforeAll(async () => {
    keyDir = mkdtempSync(join(tmpdir(), 'fw-key-'));
    execFileSync('ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      '',
      '-C',
      'test@example.org',
      '-f',
      join(keyDir, 'id'),
    ]);
    sshd = await startSshd({ authorizedKeys: [readFileSync(join(keyDir, 'id.pub'), 'utf8')] });
  });
  afterAll(async () => {
    await sshd?.stop();
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('lets a key log in and runs a command, presenting the host key it announced', async () => {
    // sshExec accepts only the host key the fixture announced.
    expect(await sshExec(sshd, { privateKey: readFileSync(join(keyDir, 'id')) }, 'echo fixture-ok')).toBe(
      'fixture-ok',
    );
    expect(sshd.hostFingerprint).toMatch(/^SHA256:/);
  });
});
