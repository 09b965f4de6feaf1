// Logging in to a real sshd with keys from our agent: OpenSSH's ssh through
// the socket (session-bind first, then sign with rsa-sha2 flags), confirm
// each use, and ssh2's Client through the in-process StoreAgent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedPrivateKey } from '../../../src/main/keys/types';
import { AgentKeyStore } from '../../../src/main/agent/key-store';
import { StoreAgent } from '../../../src/main/agent/ssh2-agent';
import { startUnixAgentServer, type UnixAgentServer } from '../../../src/main/agent/transport/unix-socket';
import type { ConfirmRequest } from '../../../src/main/agent/types';
import { loadOpenSshKeyFile, sshKeygen, type KeygenKey } from '../../fixtures/agent/keys';
import { runTool, sshLogin } from '../../fixtures/agent/openssh';
import { sshExec } from '../../fixtures/ssh-exec';
import { sshArgs, startSshd, type Sshd } from '../../fixtures/sshd';

let dir: string;
let sshd: Sshd;
let server: UnixAgentServer;
let ed: KeygenKey;
let rsa: KeygenKey;
let edKey: LoadedPrivateKey;
let rsaKey: LoadedPrivateKey;
let confirmAnswer: (request: ConfirmRequest) => Promise<boolean>;
const store = new AgentKeyStore({ confirm: (request) => confirmAnswer(request) });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fw-agent-login-'));
  [ed, rsa] = await Promise.all([
    sshKeygen(dir, 'id_ed25519', 'ed25519'),
    sshKeygen(dir, 'id_rsa', 'rsa', { bits: 4096 }),
  ]);
  edKey = loadOpenSshKeyFile(ed.privatePath);
  rsaKey = loadOpenSshKeyFile(rsa.privatePath);
  sshd = await startSshd({ authorizedKeys: [ed.publicLine, rsa.publicLine] });
  server = await startUnixAgentServer({ path: join(dir, 'agent.sock'), store });
});

afterAll(async () => {
  await server?.close();
  await sshd?.stop();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  store.removeAll();
  confirmAnswer = async () => false;
  vi.restoreAllMocks();
});

/** Records what the store signed: flags asked for and algorithm used. */
function recordSigns() {
  const calls: { flags: number; algorithm: string; client: string }[] = [];
  const original = store.sign.bind(store);
  vi.spyOn(store, 'sign').mockImplementation(async (blob, data, flags, context) => {
    const signature = await original(blob, data, flags, context);
    calls.push({ flags, algorithm: signature.algorithm, client: context.client });
    return signature;
  });
  return calls;
}

describe('ssh through our agent socket', () => {
  it('logs in with ED25519', async () => {
    store.add(edKey);
    const calls = recordSigns();
    const result = await sshLogin(server.path, sshd);
    expect(result.code, result.stderr).toBe(0);
    expect(calls).toEqual([{ flags: 0, algorithm: 'ssh-ed25519', client: 'socket' }]);
    expect(store.list()[0]!.useCount).toBe(1);
  });

  it.each([
    ['rsa-sha2-256', 2],
    ['rsa-sha2-512', 4],
  ])('logs in with RSA-4096 as %s (flag %i)', async (algorithm, flag) => {
    store.add(rsaKey);
    const calls = recordSigns();
    const result = await sshLogin(server.path, sshd, [`PubkeyAcceptedAlgorithms=${algorithm}`]);
    expect(result.code, result.stderr).toBe(0);
    expect(calls).toEqual([{ flags: flag, algorithm, client: 'socket' }]);
  });

  it('fails to log in while the agent is locked', async () => {
    store.add(edKey);
    await store.lock('pw');
    try {
      const result = await sshLogin(server.path, sshd);
      expect(result.code).toBe(255);
      expect(result.stderr).toMatch(/Permission denied/);
    } finally {
      await store.unlock('pw');
    }
  });

  it('waits for the confirm answer, names the bound host key, and logs in once approved', async () => {
    store.add(edKey, { constraints: { confirm: true } });
    let approve: (ok: boolean) => void = () => undefined;
    const asked: ConfirmRequest[] = [];
    confirmAnswer = (request) => {
      asked.push(request);
      return new Promise((resolve) => (approve = resolve));
    };
    let finished = false;
    const login = sshLogin(server.path, sshd).finally(() => (finished = true));
    await vi.waitFor(() => expect(asked).toHaveLength(1), { timeout: 15_000 });
    await new Promise((r) => setTimeout(r, 300));
    expect(finished).toBe(false); // ssh is waiting for the signature
    approve(true);
    const result = await login;
    expect(result.code, result.stderr).toBe(0);
    // session-bind@openssh.com told us which server this is.
    expect(asked[0]).toMatchObject({
      client: 'socket',
      hostKeyFingerprint: sshd.hostFingerprint,
      destination: `ssh-ed25519 ${sshd.hostFingerprint}`,
      forwarded: false,
      key: { fingerprint: ed.fingerprint, confirm: true },
    });
  });

  it('names the hop for a login through a forwarded agent (ssh -A, then ssh on the server)', async () => {
    // Both ssh processes send session-bind@openssh.com: the outer one on the
    // forwarded channel's connection (forwarding), the inner one for its
    // login. Both must verify, or the inner login fails.
    store.add(edKey, { constraints: { confirm: true } });
    const asked: ConfirmRequest[] = [];
    confirmAnswer = async (request) => (asked.push(request), true);
    const quiet = ['-o', 'LogLevel=ERROR', '-o', 'PasswordAuthentication=no'];
    const inner = ['ssh', '-F', '/dev/null', ...sshArgs(sshd, quiet), 'echo', 'inner-ok'].join(' ');
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, SSH_AUTH_SOCK: server.path, LANG: 'C' };
    const result = await runTool('ssh', ['-F', '/dev/null', ...sshArgs(sshd, ['-A', ...quiet]), inner], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('inner-ok');
    const named = `ssh-ed25519 ${sshd.hostFingerprint}`;
    expect(asked.map((r) => [r.destination, r.forwarded, r.hostKeyFingerprint])).toEqual([
      [named, false, sshd.hostFingerprint],
      [named, true, sshd.hostFingerprint],
    ]);
  });

  it('does not log in when the use is denied', async () => {
    store.add(edKey, { constraints: { confirm: true } });
    const asked: ConfirmRequest[] = [];
    confirmAnswer = async (request) => (asked.push(request), false);
    const result = await sshLogin(server.path, sshd);
    expect(result.code).toBe(255);
    expect(asked.length).toBeGreaterThan(0);
    expect(store.list()[0]!.useCount).toBe(0);
  });
});

describe('ssh2 Client with the in-process StoreAgent', () => {
  function connect(agent: StoreAgent): Promise<string> {
    return sshExec(sshd, { agent }, 'echo agent-ok');
  }

  it('logs in with ED25519 and RSA-4096 keys from the store, as client "app" with the destination', async () => {
    store.add(rsaKey, { constraints: { confirm: true } });
    const asked: ConfirmRequest[] = [];
    confirmAnswer = async (request) => (asked.push(request), true);
    const calls = recordSigns();
    expect(await connect(new StoreAgent(store, { destination: `${sshd.user}@127.0.0.1:${sshd.port}` }))).toBe(
      'agent-ok',
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]!.client).toBe('app');
    expect(calls[0]!.algorithm).toMatch(/^rsa-sha2-(256|512)$/);
    expect(asked[0]).toMatchObject({ client: 'app', destination: `${sshd.user}@127.0.0.1:${sshd.port}` });

    store.removeAll();
    store.add(edKey);
    expect(await connect(new StoreAgent(store))).toBe('agent-ok');
    expect(calls.at(-1)).toMatchObject({ algorithm: 'ssh-ed25519', client: 'app' });
  });

  it("serves a forwarded agent: the server's ssh binds its login, and the prompt names that hop", async () => {
    store.add(edKey, { constraints: { confirm: true } });
    const asked: ConfirmRequest[] = [];
    confirmAnswer = async (request) => (asked.push(request), true);
    const agent = new StoreAgent(store, {
      destination: 'anna@portal',
      resolveHostKey: (fp) => (fp === sshd.hostFingerprint ? 'backup.meine-schule.de' : undefined),
    });
    const inner = ['ssh', '-F', '/dev/null', ...sshArgs(sshd, ['-o', 'LogLevel=ERROR']), 'echo', 'hop-ok'];
    const output = await new Promise<string>((resolve, reject) => {
      const client = new ssh2.Client();
      client
        .on('ready', () =>
          client.exec(inner.join(' '), (err, stream) => {
            if (err) return reject(err);
            let out = '';
            stream
              .on('data', (d: Buffer) => (out += d.toString()))
              .stderr.on('data', (d: Buffer) => (out += d.toString()));
            stream.on('close', () => (client.end(), resolve(out.trim())));
          }),
        )
        .on('error', reject)
        .connect({ host: sshd.host, port: sshd.port, username: sshd.user, agent, agentForward: true });
    });
    expect(output).toBe('hop-ok');
    expect(asked.map((r) => [r.client, r.destination, r.forwarded === true, r.hostKeyFingerprint])).toEqual([
      ['app', 'anna@portal', false, undefined],
      ['app', 'backup.meine-schule.de', true, sshd.hostFingerprint],
    ]);
  });

  it('reports a failed login when the store is empty', async () => {
    await expect(connect(new StoreAgent(store))).rejects.toThrow(/authentication methods failed/);
  });
});
