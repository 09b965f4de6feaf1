// The agent as the app wires it: the contract (agent.*) and the socket of
// the same backend, driven by OpenSSH's ssh-add and ssh, with confirm-each-use
// answered through the prompt service and keys remembered across a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../../src/shared/contract';
import type { Prompt } from '../../../../src/shared/contract/prompts';
import { EventBus } from '../../../../src/main/contract/event-bus';
import { PromptService } from '../../../../src/main/prompts/prompt-service';
import { confirmThroughPrompts } from '../../../../src/main/services/agent/confirm-prompts';
import { contractErrorCode } from '../../../fixtures/agent/contract';
import { sshKeygen, type KeygenKey } from '../../../fixtures/agent/keys';
import { sshAdd, sshLogin } from '../../../fixtures/agent/openssh';
import { startTestBackend, type TestBackend } from '../../../fixtures/app/backend';
import { trustHostKey } from '../../../fixtures/app/sshd-lab';
import { startSshd, type Sshd } from '../../../fixtures/sshd';

// A test passphrase; it goes into the contract only, never into output.
const PASSPHRASE = 'ein langer Satz als Passphrase';
// Decrypting a key (bcrypt KDF in the key worker) takes seconds on a loaded machine.
const LOAD_TIMEOUT = { timeout: 15_000 };

let dir: string;
let socketPath: string;
let sshd: Sshd;
let app: TestBackend;
let locked: KeygenKey & { passphrase: string };
let ed: KeygenKey;
let rsa2048: KeygenKey;

/** Collects one event kind until `stop()`. */
function record<E extends EventName>(name: E) {
  const seen: EventPayload<E>[] = [];
  const stop = app.backend.events.subscribe((event, payload) => {
    if (event === name) seen.push(payload as EventPayload<E>);
  });
  return { seen, stop };
}

function nextPrompt(kind: Prompt['kind'], events = app.backend.events): Promise<Prompt> {
  return new Promise((resolve) => {
    const stop = events.subscribe((event, payload) => {
      if (event === 'prompt.opened' && (payload as Prompt).kind === kind) {
        stop();
        resolve(payload as Prompt);
      }
    });
  });
}

const fingerprintsOf = async (socket: string) =>
  (await sshAdd(socket, ['-l', '-E', 'sha256'])).stdout
    .trim()
    .split('\n')
    .filter((line) => line.startsWith('256 ') || line.startsWith('4096 '))
    .map((line) => line.split(' ')[1]);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fw-agent-app-'));
  [locked, ed, rsa2048] = await Promise.all([
    sshKeygen(dir, 'id_locked', 'ed25519', {
      comment: 'max.mustermann@firma.de',
      passphrase: PASSPHRASE,
    }).then((key) => ({ ...key, passphrase: PASSPHRASE })),
    sshKeygen(dir, 'id_ed25519', 'ed25519', { comment: 'anna.beispiel@firma.de' }),
    sshKeygen(dir, 'id_rsa2048', 'rsa', { bits: 2048 }),
  ]);
  sshd = await startSshd({ authorizedKeys: [ed.publicLine] });
  socketPath = join(dir, 'data-agent', 'agent.sock');
  app = startTestBackend(join(dir, 'data'), { agentSocket: socketPath });
  await app.backend.agentService.ready();
});

afterAll(async () => {
  await app?.cleanup();
  await sshd?.stop();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  if ((await app.api.agent.state()).locked) await app.api.agent.unlock({ passphrase: 'sperre' });
  await app.api.agent.removeAll();
  await app.api.agent.dismissRefusals();
});

describe('the agent through the contract and its socket', () => {
  it('reports the socket with its export line and IdentityAgent snippet', async () => {
    const state = await app.api.agent.state();
    expect(state.socket).toEqual({
      path: socketPath,
      exportLine: `export SSH_AUTH_SOCK='${socketPath}'`,
      configSnippet: `IdentityAgent "${socketPath}"`,
    });
    expect(state.socketError).toBeNull();
    expect(app.backend.agentService.socketPath).toBe(socketPath);
  });

  it('agent.addFile asks for the passphrase by error code, then ssh-add -l lists the key', async () => {
    const changes = record('agent.changed');
    expect(await contractErrorCode(app.api.agent.addFile({ path: locked.privatePath }))).toBe(
      'keys.passphraseRequired',
    );
    expect(
      await contractErrorCode(app.api.agent.addFile({ path: locked.privatePath, passphrase: 'falsch' })),
    ).toBe('keys.wrongPassphrase');
    expect(await fingerprintsOf(socketPath)).toEqual([]);
    const added = await app.api.agent.addFile({ path: locked.privatePath, passphrase: locked.passphrase });
    changes.stop();
    expect(added).toMatchObject({
      type: 'ssh-ed25519',
      bits: 256,
      comment: 'max.mustermann@firma.de',
      fingerprint: locked.fingerprint,
      source: locked.privatePath,
      useCount: 0,
      confirm: false,
      expiresAt: null,
      remembered: false,
    });
    expect(JSON.stringify(added)).not.toMatch(/PRIVATE/);
    expect(await fingerprintsOf(socketPath)).toEqual([locked.fingerprint]);
    expect((await app.api.agent.list()).map((k) => k.fingerprint)).toEqual([locked.fingerprint]);
    expect(changes.seen.at(-1)!.keys.map((k) => k.fingerprint)).toEqual([locked.fingerprint]);
    expect(changes.seen.at(-1)!.state.keyCount).toBe(1);
  });

  it('a key added with ssh-add appears in agent.list and fires agent.changed', async () => {
    const changes = record('agent.changed');
    const result = await sshAdd(socketPath, ['-t', '600', ed.privatePath]);
    changes.stop();
    expect(result.code, result.stderr).toBe(0);
    const [key] = await app.api.agent.list();
    expect(key).toMatchObject({
      fingerprint: ed.fingerprint,
      source: 'ssh-add',
      comment: 'anna.beispiel@firma.de',
    });
    expect(key!.expiresAt! - key!.addedAt).toBe(600_000);
    expect(changes.seen.map((c) => c.keys.map((k) => k.fingerprint))).toContainEqual([ed.fingerprint]);
  });

  it('ssh-add of an RSA-2048 key fires agent.refused with keys.policyRefused', async () => {
    const refused = record('agent.refused');
    const result = await sshAdd(socketPath, [rsa2048.privatePath]);
    refused.stop();
    expect(result.code).not.toBe(0);
    expect(refused.seen).toHaveLength(1);
    expect(refused.seen[0]).toMatchObject({
      type: 'ssh-rsa',
      bits: 2048,
      source: 'ssh-add',
      error: { code: 'keys.policyRefused' },
    });
    expect((await app.api.agent.state()).refusals.map((r) => r.error.code)).toEqual(['keys.policyRefused']);
    expect(await app.api.agent.list()).toEqual([]);
  });

  it('remove, removeAll, lock and unlock through the contract are what ssh-add sees', async () => {
    await sshAdd(socketPath, [ed.privatePath]);
    await app.api.agent.addFile({ path: locked.privatePath, passphrase: locked.passphrase });
    expect(await fingerprintsOf(socketPath)).toEqual([ed.fingerprint, locked.fingerprint]);
    await app.api.agent.remove({ fingerprint: ed.fingerprint });
    expect(await fingerprintsOf(socketPath)).toEqual([locked.fingerprint]);
    expect(await contractErrorCode(app.api.agent.remove({ fingerprint: ed.fingerprint }))).toBe(
      'agent.keyNotFound',
    );

    await app.api.agent.lock({ passphrase: 'sperre' });
    expect((await app.api.agent.state()).locked).toBe(true);
    expect(await fingerprintsOf(socketPath)).toEqual([]);
    // The view still lists what is loaded while locked.
    expect(await app.api.agent.list()).toHaveLength(1);
    expect(await contractErrorCode(app.api.agent.unlock({ passphrase: 'nicht-sie' }))).toBe(
      'agent.wrongLockPassphrase',
    );
    await app.api.agent.unlock({ passphrase: 'sperre' });
    expect(await fingerprintsOf(socketPath)).toEqual([locked.fingerprint]);

    expect(await app.api.agent.removeAll()).toEqual({ removed: 1 });
    expect(await fingerprintsOf(socketPath)).toEqual([]);
  });

  it('ssh with an ssh-add -c key waits for the confirmUse prompt and logs in only after allow', async () => {
    trustHostKey(app.backend, sshd);
    expect((await sshAdd(socketPath, ['-c', ed.privatePath])).code).toBe(0);

    const asked = nextPrompt('confirmUse');
    let finished = false;
    const login = sshLogin(socketPath, sshd).then((result) => {
      finished = true;
      return result;
    });
    const prompt = await asked;
    expect(prompt).toMatchObject({
      kind: 'confirmUse',
      keyFingerprint: ed.fingerprint,
      keyComment: 'anna.beispiel@firma.de',
      client: 'socket',
      // session-bind named the host key; known hosts named the host.
      destination: `127.0.0.1:${sshd.port}`,
      forwarded: false,
    });
    // Nothing is signed while the question is open.
    await new Promise((r) => setTimeout(r, 300));
    expect(finished).toBe(false);
    expect((await app.api.agent.list())[0]!.useCount).toBe(0);
    expect(await app.api.prompts.pending()).toEqual([prompt]);
    expect(
      await app.api.prompts.answer({ id: prompt.id, answer: { kind: 'confirmUse', allow: true } }),
    ).toEqual({
      accepted: true,
    });
    const result = await login;
    expect(result.code, result.stderr).toBe(0);
    expect((await app.api.agent.list())[0]!.useCount).toBe(1);
  });

  it('a denied confirmUse prompt refuses the signature', async () => {
    expect((await sshAdd(socketPath, ['-c', ed.privatePath])).code).toBe(0);
    const asked = nextPrompt('confirmUse');
    const login = sshLogin(socketPath, sshd);
    const prompt = await asked;
    await app.api.prompts.answer({ id: prompt.id, answer: { kind: 'confirmUse', allow: false } });
    const result = await login;
    expect(result.code).not.toBe(0);
    expect((await app.api.agent.list())[0]!.useCount).toBe(0);
  });
});

describe('keys remembered by path', () => {
  it('load at the next start, asking the passphrase as a prompt', async () => {
    const added = await app.api.agent.addFile({
      path: locked.privatePath,
      passphrase: locked.passphrase,
      remember: true,
    });
    expect(added.remembered).toBe(true);
    // Another settings update must not drop the list (it is left out of the update).
    await app.api.settings.update({ language: 'en' });
    expect((await app.api.settings.get()).agentKeyPaths).toEqual([locked.privatePath]);

    const dataDir = app.dataDir;
    await app.backend.dispose();
    app = startTestBackend(dataDir, { agentSocket: socketPath });
    const asked = nextPrompt('passphrase');
    await app.backend.agentService.ready();
    const prompt = await asked;
    expect(prompt).toMatchObject({ kind: 'passphrase', keyName: 'id_locked', retry: false });
    const loaded = record('agent.changed');
    await app.api.prompts.answer({
      id: prompt.id,
      answer: { kind: 'passphrase', passphrase: locked.passphrase },
    });
    await expect
      .poll(async () => (await app.api.agent.list()).map((k) => k.fingerprint), LOAD_TIMEOUT)
      .toEqual([locked.fingerprint]);
    loaded.stop();
    expect(loaded.seen.length).toBeGreaterThan(0);
    expect(await fingerprintsOf(socketPath)).toEqual([locked.fingerprint]);

    // Removing with forget drops it from the start list.
    await app.api.agent.remove({ fingerprint: locked.fingerprint, forget: true });
    expect((await app.api.settings.get()).agentKeyPaths).toEqual([]);
  });
});

describe("key files given at start (the host's arguments, like Pageant's)", () => {
  it('load after the socket is up, asking their passphrase once', async () => {
    const other = startTestBackend(undefined, {
      agentSocket: join(dir, 'args-agent', 'agent.sock'),
      agentKeyFiles: [locked.privatePath, ed.privatePath],
    });
    try {
      const asked = nextPrompt('passphrase', other.backend.events);
      await other.backend.agentService.ready();
      const prompt = await asked;
      expect(prompt).toMatchObject({ kind: 'passphrase', keyName: 'id_locked' });
      await other.api.prompts.answer({
        id: prompt.id,
        answer: { kind: 'passphrase', passphrase: locked.passphrase },
      });
      await expect
        .poll(async () => (await other.api.agent.list()).map((k) => k.fingerprint), LOAD_TIMEOUT)
        .toEqual([locked.fingerprint, ed.fingerprint]);
      expect(await fingerprintsOf(other.backend.agentService.socketPath!)).toEqual([
        locked.fingerprint,
        ed.fingerprint,
      ]);
      // Not remembered: arguments are for this start only.
      expect((await other.api.settings.get()).agentKeyPaths).toEqual([]);
    } finally {
      await other.cleanup();
    }
  });

  it('a second instance on the same socket reports agent.socketInUse as a notice', async () => {
    const other = startTestBackend(undefined, { agentSocket: socketPath });
    try {
      await other.backend.agentService.ready();
      const state = await other.api.agent.state();
      expect(state.socket).toBeNull();
      expect(state.socketError).toEqual({ code: 'agent.socketInUse', params: { path: socketPath } });
      expect((await other.api.app.info()).notices.map((n) => n.code)).toContain('agent.socketInUse');
      // The first instance keeps serving.
      expect((await sshAdd(socketPath, ['-l'])).stdout).toMatch(/no identities|SHA256/);
    } finally {
      await other.cleanup();
    }
  });
});

describe('confirmThroughPrompts', () => {
  it('denies when nobody answers in time and closes the prompt', async () => {
    const events = new EventBus();
    const prompts = new PromptService(events);
    const closed: string[] = [];
    events.subscribe((name, payload) => {
      if (name === 'prompt.closed') closed.push((payload as { id: string }).id);
    });
    const confirm = confirmThroughPrompts(prompts, { timeoutMs: 100 });
    const asked = nextPrompt('confirmUse', events);
    const answer = confirm({
      client: 'app',
      destination: 'iserv-max.mustermann@meine-schule.de:22',
      key: {
        type: 'ssh-ed25519',
        bits: 256,
        comment: 'max@firma.de',
        fingerprint: 'SHA256:abc',
        publicKey: 'ssh-ed25519 AAAA',
        source: 'app',
        addedAt: 0,
        useCount: 0,
        lastUsedAt: null,
        confirm: true,
        expiresAt: null,
      },
    });
    const prompt = await asked;
    expect(prompt).toMatchObject({ destination: 'iserv-max.mustermann@meine-schule.de:22', client: 'app' });
    expect(await answer).toBe(false);
    expect(closed).toEqual([prompt.id]);
    expect(prompts.list()).toEqual([]);
  });
});
