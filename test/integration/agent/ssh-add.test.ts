// Our socket agent driven by OpenSSH's ssh-add, compared with what
// ssh-keygen says about the same key files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AgentKeyStore } from '../../../src/main/agent/key-store';
import { startUnixAgentServer, type UnixAgentServer } from '../../../src/main/agent/transport/unix-socket';
import type { AgentRefusal } from '../../../src/main/agent/types';
import { loadOpenSshKeyFile, sshKeygen, type KeygenKey } from '../../fixtures/agent/keys';
import { sshAdd, writeAskpass } from '../../fixtures/agent/openssh';

let dir: string;
let store: AgentKeyStore;
let server: UnixAgentServer;
let askpass: string;
let ed: KeygenKey;
let rsa: KeygenKey;
let rsa2048: KeygenKey;
let ecdsa: KeygenKey;
const refusals: AgentRefusal[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fw-agent-ssh-add-'));
  // RSA-4096 takes seconds on two cores: every key once per file.
  [ed, rsa, rsa2048, ecdsa] = await Promise.all([
    sshKeygen(dir, 'id_ed25519', 'ed25519', { comment: 'anna.beispiel@firma.de' }),
    sshKeygen(dir, 'id_rsa', 'rsa', { bits: 4096, comment: 'rsa4096@firma.de' }),
    sshKeygen(dir, 'id_rsa2048', 'rsa', { bits: 2048 }),
    sshKeygen(dir, 'id_ecdsa', 'ecdsa', { bits: 256 }),
  ]);
  askpass = writeAskpass(dir);
  store = new AgentKeyStore({ unlockFailureDelayMs: () => 0 });
  store.onRefusal((r) => refusals.push(r));
  server = await startUnixAgentServer({
    path: join(dir, 'agent', 'agent.sock'),
    store,
    session: { sourceLabel: 'ssh-add' },
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  if (store.locked) await store.unlock('lock-pass');
  store.removeAll();
  refusals.length = 0;
});

const listed = async () => {
  const result = await sshAdd(server.path, ['-l', '-E', 'sha256']);
  return result.stdout.trim().split('\n').filter(Boolean);
};

describe('ssh-add against our agent', () => {
  it('-l says "no identities" on an empty agent and lists keys with ssh-keygen\'s fingerprints', async () => {
    const empty = await sshAdd(server.path, ['-l']);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toMatch(/The agent has no identities/);
    store.add(loadOpenSshKeyFile(ed.privatePath), { source: ed.privatePath });
    store.add(loadOpenSshKeyFile(rsa.privatePath), { source: rsa.privatePath });
    expect(await listed()).toEqual([
      `256 ${ed.fingerprint} anna.beispiel@firma.de (ED25519)`,
      `4096 ${rsa.fingerprint} rsa4096@firma.de (RSA)`,
    ]);
    // -L prints the public key lines: the same as the .pub files.
    const lines = await sshAdd(server.path, ['-L']);
    expect(lines.stdout.trim().split('\n')).toEqual([ed.publicLine, rsa.publicLine]);
  });

  it('adds OpenSSH key files (ED25519 and RSA-4096) sent by ssh-add', async () => {
    for (const key of [ed, rsa]) {
      const result = await sshAdd(server.path, [key.privatePath]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/Identity added/);
    }
    expect(store.list().map((k) => [k.type, k.bits, k.fingerprint, k.source])).toEqual([
      ['ssh-ed25519', 256, ed.fingerprint, 'ssh-add'],
      ['ssh-rsa', 4096, rsa.fingerprint, 'ssh-add'],
    ]);
    expect((await listed()).map((l) => l.split(' ')[1])).toEqual([ed.fingerprint, rsa.fingerprint]);
  });

  it('-d removes one key and -D removes all, as with ssh-agent', async () => {
    await sshAdd(server.path, [ed.privatePath]);
    await sshAdd(server.path, [rsa.privatePath]);
    const removed = await sshAdd(server.path, ['-d', ed.privatePath]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stderr).toMatch(/Identity removed/);
    expect(store.list().map((k) => k.fingerprint)).toEqual([rsa.fingerprint]);
    const again = await sshAdd(server.path, ['-d', ed.privatePath]);
    expect(again.code).not.toBe(0);
    const all = await sshAdd(server.path, ['-D']);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stderr).toMatch(/All identities removed/);
    expect(store.list()).toEqual([]);
  });

  it('-x locks (list empty), a wrong -X fails, the right -X unlocks', async () => {
    await sshAdd(server.path, [ed.privatePath]);
    const lock = await sshAdd(server.path, ['-x'], { askpass, answer: 'lock-pass' });
    expect(lock.code, lock.stderr).toBe(0);
    expect(lock.stderr).toMatch(/Agent locked/);
    expect(store.locked).toBe(true);
    const whileLocked = await sshAdd(server.path, ['-l']);
    expect(whileLocked.stdout).toMatch(/no identities/);
    const wrong = await sshAdd(server.path, ['-X'], { askpass, answer: 'not-it' });
    expect(wrong.code).not.toBe(0);
    expect(store.locked).toBe(true);
    const unlock = await sshAdd(server.path, ['-X'], { askpass, answer: 'lock-pass' });
    expect(unlock.code, unlock.stderr).toBe(0);
    expect(unlock.stderr).toMatch(/Agent unlocked/);
    expect(await listed()).toHaveLength(1);
  });

  it('-t sets a lifetime, and the key is gone when it ends', async () => {
    const long = await sshAdd(server.path, ['-t', '600', ed.privatePath]);
    expect(long.stderr).toMatch(/Lifetime set to 600 seconds/);
    const [info] = store.list();
    expect(info!.expiresAt! - info!.addedAt).toBe(600_000);
    const short = await sshAdd(server.path, ['-t', '1', rsa.privatePath]);
    expect(short.code, short.stderr).toBe(0);
    expect(await listed()).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await listed()).map((l) => l.split(' ')[1])).toEqual([ed.fingerprint]);
  });

  it('-c stores the confirm constraint', async () => {
    const result = await sshAdd(server.path, ['-c', ed.privatePath]);
    expect(result.stderr).toMatch(/confirm each use/);
    expect(store.list()[0]!.confirm).toBe(true);
  });

  it('refuses RSA-2048 and ECDSA keys and reports each refusal', async () => {
    for (const key of [rsa2048, ecdsa]) {
      const result = await sshAdd(server.path, [key.privatePath]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/agent refused operation/);
    }
    expect(store.list()).toEqual([]);
    expect(refusals.map((r) => [r.type, r.bits, r.comment, r.error.code])).toEqual([
      ['ssh-rsa', 2048, 'id_rsa2048@test.example', 'keys.policyRefused'],
      ['ecdsa-sha2-nistp256', 256, 'id_ecdsa@test.example', 'keys.policyRefused'],
    ]);
  });
});
