// The key store: add/list/remove, policy, lock, lifetimes (fake clock),
// confirm-each-use, sign algorithms, events, adding from files.
import { createPublicKey, verify } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../src/main/core/app-error';
import type { LoadedPrivateKey } from '../../../src/main/keys/types';
import { AgentKeyStore } from '../../../src/main/agent/key-store';
import { WireReader as SshReader } from '../../../src/main/core/wire';
import type { AgentRefusal, AgentState, ConfirmRequest } from '../../../src/main/agent/types';
import { FakeClock } from '../../fixtures/agent/fake-clock';
import { generateLoadedKey } from '../../fixtures/agent/keys';

let ed: LoadedPrivateKey;
let ed2: LoadedPrivateKey;
let rsa: LoadedPrivateKey;
let rsa2048: LoadedPrivateKey;
beforeAll(async () => {
  [ed, ed2, rsa, rsa2048] = await Promise.all([
    generateLoadedKey('ed25519', { comment: 'anna.beispiel@firma.de' }),
    generateLoadedKey('ed25519', { comment: 'bob@firma.de' }),
    generateLoadedKey('rsa', { bits: 4096, comment: 'rsa@firma.de' }),
    generateLoadedKey('rsa', { bits: 2048, comment: 'weak@firma.de' }),
  ]);
});

const noDelay = { unlockFailureDelayMs: () => 0 };
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );
const socketContext = { client: 'socket' as const };

function parseSignature(blob: Buffer): { algorithm: string; raw: Buffer } {
  const reader = new SshReader(blob);
  const algorithm = reader.text();
  const raw = Buffer.from(reader.string());
  reader.end();
  return { algorithm, raw };
}

describe('adding, listing, removing', () => {
  it('lists public facts only, with source, counters and constraints', () => {
    const clock = new FakeClock();
    const store = new AgentKeyStore({ clock });
    store.add(ed, {
      source: '/home/anna/.ssh/id_ed25519',
      constraints: { confirm: true, lifetimeSeconds: 60 },
    });
    const [info] = store.list();
    expect(info).toEqual({
      type: 'ssh-ed25519',
      bits: 256,
      comment: 'anna.beispiel@firma.de',
      fingerprint: ed.fingerprint,
      publicKey: ed.publicKey,
      source: '/home/anna/.ssh/id_ed25519',
      addedAt: clock.now(),
      useCount: 0,
      lastUsedAt: null,
      confirm: true,
      expiresAt: clock.now() + 60_000,
    });
    expect(JSON.stringify(store.list())).not.toMatch(/PRIVATE|privateKey/);
  });

  it('re-adding a key replaces it instead of duplicating', () => {
    const store = new AgentKeyStore();
    store.add(ed, { constraints: { confirm: true } });
    store.add(ed);
    expect(store.list()).toHaveLength(1);
    expect(store.list()[0]!.confirm).toBe(false);
  });

  it('removes by fingerprint and by blob, and removes all', () => {
    const store = new AgentKeyStore();
    store.add(ed);
    store.add(ed2);
    store.add(rsa);
    expect(store.remove(ed.fingerprint)).toBe(true);
    expect(store.remove(ed.fingerprint)).toBe(false);
    expect(store.removeByBlob(ed2.blob)).toBe(true);
    expect(store.list().map((k) => k.fingerprint)).toEqual([rsa.fingerprint]);
    store.add(ed);
    expect(store.removeAll()).toBe(2);
    expect(store.list()).toEqual([]);
  });

  it('refuses RSA-2048 with keys.policyRefused and reports the refusal', () => {
    const store = new AgentKeyStore();
    const refusals: AgentRefusal[] = [];
    store.onRefusal((r) => refusals.push(r));
    expect(() => store.add(rsa2048, { source: 'ssh-add' })).toThrow(AppError);
    try {
      store.add(rsa2048);
    } catch (error) {
      expect((error as AppError).toInfo()).toEqual({
        code: 'keys.policyRefused',
        params: { type: 'ssh-rsa', bits: 2048 },
      });
    }
    expect(store.list()).toEqual([]);
    expect(refusals[0]).toMatchObject({
      type: 'ssh-rsa',
      bits: 2048,
      comment: 'weak@firma.de',
      source: 'ssh-add',
    });
    expect(refusals[0]!.error.code).toBe('keys.policyRefused');
  });

  it('tells subscribers about key count and lock changes, and unsubscribes', async () => {
    const store = new AgentKeyStore(noDelay);
    const states: AgentState[] = [];
    const off = store.onChange((s) => states.push(s));
    store.add(ed);
    store.add(ed2);
    store.remove(ed.fingerprint);
    await store.lock('pw');
    await store.unlock('pw');
    off();
    store.removeAll();
    expect(states).toEqual([
      { keyCount: 1, locked: false },
      { keyCount: 2, locked: false },
      { keyCount: 1, locked: false },
      { keyCount: 1, locked: true },
      { keyCount: 1, locked: false },
    ]);
  });
});

describe('signing', () => {
  it('signs with ED25519 whatever the flags', async () => {
    const store = new AgentKeyStore();
    store.add(ed);
    const data = Buffer.from('session data');
    for (const flags of [0, 2, 4]) {
      const signature = await store.sign(ed.blob, data, flags, socketContext);
      const { algorithm, raw } = parseSignature(signature.blob);
      expect(algorithm).toBe('ssh-ed25519');
      expect(verify(null, data, createPublicKey(ed.privateKey), raw)).toBe(true);
    }
  });

  it.each([
    [0, 'ssh-rsa', 'sha1'],
    [2, 'rsa-sha2-256', 'sha256'],
    [4, 'rsa-sha2-512', 'sha512'],
    [6, 'rsa-sha2-512', 'sha512'],
  ])('signs RSA with flags %i as %s', async (flags, expected, hash) => {
    const store = new AgentKeyStore();
    store.add(rsa);
    const data = Buffer.from('to be signed');
    const signature = await store.sign(rsa.blob, data, flags, socketContext);
    const { algorithm, raw } = parseSignature(signature.blob);
    expect(algorithm).toBe(expected);
    expect(raw).toHaveLength(512);
    expect(verify(hash, data, createPublicKey(rsa.privateKey), raw)).toBe(true);
  });

  it('counts uses and remembers the last one', async () => {
    const clock = new FakeClock();
    const store = new AgentKeyStore({ clock });
    store.add(ed);
    clock.advance(5000);
    await store.sign(ed.blob, Buffer.from('a'), 0, socketContext);
    await store.sign(ed.blob, Buffer.from('b'), 0, socketContext);
    expect(store.list()[0]).toMatchObject({ useCount: 2, lastUsedAt: clock.now() });
  });

  it('refuses an unknown key', async () => {
    const store = new AgentKeyStore();
    store.add(ed);
    expect(await code(store.sign(ed2.blob, Buffer.from('x'), 0, socketContext))).toBe('agent.keyNotFound');
  });
});

describe('lock and unlock', () => {
  it('hides identities and refuses signing and adding while locked', async () => {
    const store = new AgentKeyStore(noDelay);
    store.add(ed);
    await store.lock('correct horse');
    expect(store.locked).toBe(true);
    expect(store.identities()).toEqual([]);
    expect(store.list()).toHaveLength(1); // the owner's UI still sees what is loaded
    expect(await code(store.sign(ed.blob, Buffer.from('x'), 0, socketContext))).toBe('agent.locked');
    expect(() => store.add(ed2)).toThrow(/agent.locked/);
    expect(await code(store.lock('again'))).toBe('agent.alreadyLocked');
    expect(await code(store.unlock('wrong'))).toBe('agent.wrongLockPassphrase');
    expect(store.locked).toBe(true);
    await store.unlock('correct horse');
    expect(store.identities()).toHaveLength(1);
    expect(await code(store.unlock('correct horse'))).toBe('agent.notLocked');
    expect(await code(store.sign(ed.blob, Buffer.from('x'), 0, socketContext))).toBe('resolved');
  });

  it('delays each wrong unlock longer (100 ms per failure by default)', async () => {
    const clock = new FakeClock();
    const store = new AgentKeyStore({ clock });
    await store.lock('pw');
    const attempt = store.unlock('nope').catch((e: AppError) => e.code);
    await vi.waitFor(() => expect(clock.pendingTimers).toBe(1));
    let settled = false;
    void attempt.then(() => (settled = true));
    clock.advance(99);
    await Promise.resolve();
    expect(settled).toBe(false);
    clock.advance(1);
    expect(await attempt).toBe('agent.wrongLockPassphrase');
  });
});

describe('lifetimes', () => {
  it('removes a key when its lifetime ends, via the timer', () => {
    const clock = new FakeClock();
    const store = new AgentKeyStore({ clock });
    const states: AgentState[] = [];
    store.onChange((s) => states.push(s));
    store.add(ed, { constraints: { lifetimeSeconds: 10 } });
    store.add(ed2);
    clock.advance(9_999);
    expect(store.list()).toHaveLength(2);
    clock.advance(1);
    expect(store.list().map((k) => k.fingerprint)).toEqual([ed2.fingerprint]);
    expect(states.at(-1)).toEqual({ keyCount: 1, locked: false });
  });

  it('treats the clock as the truth when a timer is late', async () => {
    let now = 1_000;
    // A clock whose timers never fire (a suspended laptop).
    const store = new AgentKeyStore({
      clock: { now: () => now, setTimer: () => ({ cancel: () => undefined }) },
    });
    store.add(ed, { constraints: { lifetimeSeconds: 1 } });
    now += 1_000;
    expect(await code(store.sign(ed.blob, Buffer.from('x'), 0, socketContext))).toBe('agent.keyNotFound');
    expect(store.identities()).toEqual([]);
  });

  it('a re-add without lifetime cancels the old expiry', () => {
    const clock = new FakeClock();
    const store = new AgentKeyStore({ clock });
    store.add(ed, { constraints: { lifetimeSeconds: 5 } });
    store.add(ed);
    clock.advance(60_000);
    expect(store.list()).toHaveLength(1);
    expect(clock.pendingTimers).toBe(0);
  });

  it("system timers are unref'd so they never keep the process alive", () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const store = new AgentKeyStore();
    store.add(ed, { constraints: { lifetimeSeconds: 3600 } });
    const timer = spy.mock.results.at(-1)!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    spy.mockRestore();
    store.dispose();
  });
});

describe('confirm each use', () => {
  it('asks with key info and context, and signs only when approved', async () => {
    const requests: ConfirmRequest[] = [];
    let answer = true;
    const store = new AgentKeyStore({
      confirm: async (request) => {
        requests.push(request);
        return answer;
      },
    });
    store.add(ed, { constraints: { confirm: true } });
    store.add(ed2);
    const context = {
      client: 'socket' as const,
      destination: 'ssh-ed25519 SHA256:host',
      hostKeyFingerprint: 'SHA256:host',
    };
    expect(await code(store.sign(ed.blob, Buffer.from('x'), 0, context))).toBe('resolved');
    answer = false;
    expect(await code(store.sign(ed.blob, Buffer.from('x'), 0, context))).toBe('agent.confirmDenied');
    // Keys without the constraint never ask.
    expect(await code(store.sign(ed2.blob, Buffer.from('x'), 0, context))).toBe('resolved');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({ ...context, key: { fingerprint: ed.fingerprint, confirm: true } });
    expect(store.list()[0]!.useCount).toBe(1);
  });

  it('refuses when no handler is wired or the handler fails', async () => {
    const store = new AgentKeyStore();
    store.add(ed, { constraints: { confirm: true } });
    expect(await code(store.sign(ed.blob, Buffer.from('x'), 0, socketContext))).toBe('agent.confirmDenied');
    const failing = new AgentKeyStore({ confirm: () => Promise.reject(new Error('window closed')) });
    failing.add(ed, { constraints: { confirm: true } });
    expect(await code(failing.sign(ed.blob, Buffer.from('x'), 0, socketContext))).toBe('agent.confirmDenied');
  });

  it('does not sign if the key was removed or the agent locked while asking', async () => {
    let approve: (v: boolean) => void = () => undefined;
    let asked = 0;
    const store = new AgentKeyStore({
      ...noDelay,
      confirm: () => new Promise((resolve) => ((approve = resolve), asked++)),
    });
    store.add(ed, { constraints: { confirm: true } });
    const pending = code(store.sign(ed.blob, Buffer.from('x'), 0, socketContext));
    await vi.waitFor(() => expect(asked).toBe(1));
    store.remove(ed.fingerprint);
    approve(true);
    expect(await pending).toBe('agent.keyNotFound');

    store.add(ed, { constraints: { confirm: true } });
    const second = code(store.sign(ed.blob, Buffer.from('x'), 0, socketContext));
    await vi.waitFor(() => expect(asked).toBe(2));
    await store.lock('pw');
    approve(true);
    expect(await second).toBe('agent.locked');
  });
});

describe('adding from a file through the injected importer', () => {
  it('reads the file, passes passphrase and source, wipes the buffer, and adds', async () => {
    const fileData = Buffer.from('-----BEGIN OPENSSH PRIVATE KEY----- (fake)');
    const importer = vi.fn(async () => ed);
    const store = new AgentKeyStore({ importer, readFile: async () => fileData });
    const info = await store.addFromFile('/keys/id_ed25519', 'secret', {
      constraints: { lifetimeSeconds: 60 },
    });
    expect(importer).toHaveBeenCalledWith(expect.any(Buffer), {
      passphrase: 'secret',
      source: '/keys/id_ed25519',
    });
    expect(fileData.every((b) => b === 0)).toBe(true);
    expect(info).toMatchObject({ source: '/keys/id_ed25519', fingerprint: ed.fingerprint });
    expect(info.expiresAt).not.toBeNull();
  });

  it("passes the importer's errors through (e.g. keys.passphraseRequired-like) and reports policy refusals", async () => {
    const refusals: AgentRefusal[] = [];
    const policy = new AgentKeyStore({
      readFile: async () => Buffer.from('x'),
      importer: async () => {
        throw new AppError('keys.policyRefused', { type: 'ecdsa-sha2-nistp256', bits: 256 });
      },
    });
    policy.onRefusal((r) => refusals.push(r));
    expect(await code(policy.addFromFile('/k'))).toBe('keys.policyRefused');
    expect(refusals).toMatchObject([{ type: 'ecdsa-sha2-nistp256', bits: 256, source: '/k' }]);

    const weak = new AgentKeyStore({ readFile: async () => Buffer.from('x'), importer: async () => rsa2048 });
    expect(await code(weak.addFromFile('/weak'))).toBe('keys.policyRefused');
  });

  it('reports unreadable files and a missing importer', async () => {
    const store = new AgentKeyStore({ importer: async () => ed });
    const error = await store.addFromFile('/does/not/exist').catch((e: AppError) => e);
    expect((error as AppError).toInfo()).toEqual({
      code: 'agent.keyFileUnreadable',
      params: { file: '/does/not/exist', reason: 'ENOENT' },
    });
    expect(await code(new AgentKeyStore().addFromFile('/x'))).toBe('agent.importUnavailable');
  });
});
