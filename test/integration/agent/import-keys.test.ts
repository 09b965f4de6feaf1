// The store with the real importer of the keys capability: passphrase-
// protected OpenSSH and PuTTY .ppk files added from disk, listed over the
// socket with the fingerprints ssh-keygen computes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/app-error';
import { importPrivateKey, shutdownKeyWorker } from '../../../src/main/keys';
import { AgentKeyStore } from '../../../src/main/agent/key-store';
import { startUnixAgentServer, type UnixAgentServer } from '../../../src/main/agent/transport/unix-socket';
import { sshKeygen } from '../../fixtures/agent/keys';
import { sshAdd } from '../../fixtures/agent/openssh';

const PASSPHRASE = 'a long test passphrase, not a real one';
let dir: string;
let keyPath: string;
let ppkPath: string;
let fingerprint: string;
let store: AgentKeyStore;
let server: UnixAgentServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fw-agent-import-'));
  ppkPath = join(dir, 'id_ed25519.ppk');
  ({ privatePath: keyPath, fingerprint } = await sshKeygen(dir, 'id_ed25519', 'ed25519', {
    comment: 'anna.beispiel@firma.de',
    passphrase: PASSPHRASE,
  }));
  const passFile = join(dir, 'pass');
  writeFileSync(passFile, `${PASSPHRASE}\n`, { mode: 0o600 });
  execFileSync('puttygen', [
    keyPath,
    '--old-passphrase',
    passFile,
    '--new-passphrase',
    passFile,
    '-O',
    'private',
    '-o',
    ppkPath,
  ]);
  store = new AgentKeyStore({ importer: importPrivateKey });
  server = await startUnixAgentServer({ path: join(dir, 'agent.sock'), store });
});

afterAll(async () => {
  await server?.close();
  await shutdownKeyWorker();
  rmSync(dir, { recursive: true, force: true });
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe('adding key files through importPrivateKey', () => {
  it('asks for the passphrase, refuses a wrong one, and adds with the right one', async () => {
    expect(await codeOf(store.addFromFile(keyPath))).toBe('keys.passphraseRequired');
    expect(await codeOf(store.addFromFile(keyPath, 'wrong'))).toBe('keys.wrongPassphrase');
    const info = await store.addFromFile(keyPath, PASSPHRASE, { constraints: { confirm: true } });
    expect(info).toMatchObject({
      fingerprint,
      source: keyPath,
      confirm: true,
      comment: 'anna.beispiel@firma.de',
    });
    const listed = await sshAdd(server.path, ['-l', '-E', 'sha256']);
    expect(listed.stdout.trim()).toBe(`256 ${fingerprint} anna.beispiel@firma.de (ED25519)`);
  });

  it('adds the same key from an encrypted PuTTY .ppk (v3) file as the same identity', async () => {
    store.removeAll();
    expect(await codeOf(store.addFromFile(ppkPath, 'wrong'))).toBe('keys.wrongPassphrase');
    const info = await store.addFromFile(ppkPath, PASSPHRASE);
    expect(info.fingerprint).toBe(fingerprint);
    expect(store.list()).toHaveLength(1);
  });
});
