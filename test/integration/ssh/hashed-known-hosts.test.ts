// OpenSSH's own hashed known_hosts lines (ssh-keygen -H) match the hosts and
// ports they were made for, and only those.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isHashedHostToken } from '../../../src/main/ssh/hashed-host';
import { hostKeyFromOpenSshLine } from '../../../src/main/ssh/host-key';
import { emptyKnownHosts, KnownHosts, type KnownHostsDocument } from '../../../src/main/ssh/known-hosts';
import { createMemoryStore } from '../../../src/main/storage/document-store';

const dir = mkdtempSync(join(tmpdir(), 'fw-known-hosts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tempDir = () => dir;
const setup = () => ({ known: new KnownHosts(createMemoryStore<KnownHostsDocument>(emptyKnownHosts())) });
const hashed = (hashedHost: string, key: { keyType: string; keyBase64: string }) => ({
  hashedHost,
  keyType: key.keyType,
  keyBase64: key.keyBase64,
});

describe('hashed entries', () => {
  it('from the real ssh-keygen -H match their hosts and ports', () => {
    const dir = tempDir();
    const keyFile = join(dir, 'host');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyFile]);
    const hostKey = hostKeyFromOpenSshLine(readFileSync(`${keyFile}.pub`, 'utf8'));
    const file = join(dir, 'known_hosts');
    const line = `${hostKey.keyType} ${hostKey.keyBase64}`;
    writeFileSync(file, `schule.example ${line}\n[10.255.0.1]:2222 ${line}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    const hashedLines = readFileSync(file, 'utf8').trim().split('\n');
    const tokens = hashedLines.map((l) => l.split(' ')[0]!);
    expect(tokens.every(isHashedHostToken)).toBe(true);

    const { known } = setup();
    known.add(
      tokens.map((t) => hashed(t, hostKey)),
      { replace: false },
    );
    expect(known.lookup('SCHULE.example', 22, hostKey).status).toBe('known');
    expect(known.lookup('10.255.0.1', 2222, hostKey).status).toBe('known');
    expect(known.lookup('10.255.0.1', 22, hostKey).status).toBe('unknown');
    expect(known.lookup('schule.example', 2222, hostKey).status).toBe('unknown');
  });
});
