// The test rig itself: a real sshd that a plain ssh2 client logs in to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'ssh2';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('lets a key log in and runs a command', async () => {
    const output = await new Promise<string>((resolve, reject) => {
      const client = new Client();
      let seenHostKey = '';
      client
        .on('ready', () => {
          client.exec('echo fixture-ok', (err, stream) => {
            if (err) return reject(err);
            let out = '';
            stream
              .on('data', (d: Buffer) => (out += d.toString()))
              .on('close', () => {
                client.end();
                resolve(`${seenHostKey}|${out.trim()}`);
              });
          });
        })
        .on('error', reject)
        .connect({
          host: sshd.host,
          port: sshd.port,
          username: sshd.user,
          privateKey: readFileSync(join(keyDir, 'id')),
          hostVerifier: (key: Buffer) => {
            seenHostKey = key.toString('base64');
            return true;
          },
        });
    });
    expect(output).toBe(`${sshd.hostPublicKey.split(' ')[1]}|fixture-ok`);
    expect(sshd.hostFingerprint).toMatch(/^SHA256:/);
  });
});
