// connectSsh against a real OpenSSH sshd: host key decisions, the order of
// host key check and login, and readable failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { BaseAgent, utils, type ParsedKey } from 'ssh2';
import { freePort, startSshd, type Sshd } from '../../fixtures/sshd';
import { connectSsh, type ConnectSshOptions } from '../../../src/main/ssh/connect';
import { hostKeyFromOpenSshLine } from '../../../src/main/ssh/host-key';
import { AppError } from '../../../src/main/core/app-error';
import type { AuthProgress } from '../../../src/main/ssh/prompters';
import {
  debugRecorder,
  makeKeyDir,
  memoryKnownHosts,
  neverAskPrompter,
  scriptedPrompter,
  type KeyDir,
  type TestKey,
} from './support';

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected ${code}, but it connected`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe('connectSsh against OpenSSH', () => {
  let keys: KeyDir;
  let key: TestKey;
  let stranger: TestKey;
  let encrypted: TestKey;
  let sshd: Sshd;
  let otherSshd: Sshd;

  beforeAll(async () => {
    keys = makeKeyDir();
    key = keys.make('id');
    stranger = keys.make('stranger');
    encrypted = keys.make('encrypted', 'correct horse battery staple');
    sshd = await startSshd({ authorizedKeys: [key.publicKey, encrypted.publicKey] });
    otherSshd = await startSshd({ authorizedKeys: [key.publicKey] });
  });
  afterAll(async () => {
    await sshd?.stop();
    await otherSshd?.stop();
    keys?.remove();
  });

  const base = (overrides: Partial<ConnectSshOptions> = {}): ConnectSshOptions => {
    const { knownHosts } = memoryKnownHosts();
    return {
      host: sshd.host,
      port: sshd.port,
      username: sshd.user,
      auth: { type: 'privateKey', privateKey: key.privateKey },
      knownHosts,
      hostKeyPrompter: scriptedPrompter('connectOnce'),
      connectTimeoutMs: 10_000,
      ...overrides,
    };
  };

  it('asks about an unknown key with the SHA256 fingerprint, remembers it, and does not ask again', async () => {
    const { store, knownHosts } = memoryKnownHosts();
    const prompter = scriptedPrompter('acceptAndRemember');
    const progress: AuthProgress[] = [];
    const first = await connectSsh(
      base({ knownHosts, hostKeyPrompter: prompter, onAuthProgress: (p) => progress.push(p) }),
    );
    expect(prompter.questions).toEqual([
      { host: sshd.host, port: sshd.port, keyType: 'ssh-ed25519', fingerprint: sshd.hostFingerprint },
    ]);
    expect(first.hostKey.fingerprint).toBe(sshd.hostFingerprint);
    expect(store.read().entries).toMatchObject([
      { host: '127.0.0.1', port: sshd.port, fingerprint: sshd.hostFingerprint },
    ]);
    expect(progress.map((p) => p.stage)).toEqual(['hostKeyAccepted', 'publickey', 'authenticated']);
    await first.close();
    expect(first.isOpen).toBe(false);

    const never = neverAskPrompter();
    const second = await connectSsh(base({ knownHosts, hostKeyPrompter: never }));
    expect(never.asked).toBe(0);
    await second.close();
  });

  it('connects once without remembering', async () => {
    const { store, knownHosts } = memoryKnownHosts();
    const connection = await connectSsh(
      base({ knownHosts, hostKeyPrompter: scriptedPrompter('connectOnce') }),
    );
    await connection.close();
    expect(store.read().entries).toEqual([]);
  });

  it('refuses a changed host key without asking and before any login request', async () => {
    const { knownHosts } = memoryKnownHosts();
    // The other server's key, remembered under this server's host:port.
    knownHosts.remember(sshd.host, sshd.port, hostKeyFromOpenSshLine(otherSshd.hostPublicKey));
    const never = neverAskPrompter();
    const recorder = debugRecorder();
    const error = await expectAppError(
      connectSsh(base({ knownHosts, hostKeyPrompter: never, debug: recorder.debug })),
      'ssh.hostKeyChanged',
    );
    expect(never.asked).toBe(0);
    expect(error.params).toMatchObject({
      host: sshd.host,
      port: sshd.port,
      fingerprint: sshd.hostFingerprint,
      knownFingerprint: otherSshd.hostFingerprint,
    });
    expect(recorder.lines.some((l) => /Host denied/.test(l.line))).toBe(true);
    expect(recorder.lines.filter((l) => /USERAUTH_REQUEST|SERVICE_REQUEST/.test(l.line))).toEqual([]);
  });

  it('refuses when the user cancels, sending no login request', async () => {
    const recorder = debugRecorder();
    const error = await expectAppError(
      connectSsh(base({ hostKeyPrompter: scriptedPrompter('cancel'), debug: recorder.debug })),
      'ssh.hostKeyRejected',
    );
    expect(error.params).toMatchObject({ fingerprint: sshd.hostFingerprint });
    expect(recorder.lines.filter((l) => /USERAUTH_REQUEST/.test(l.line))).toEqual([]);
  });

  it('sends nothing of authentication while the host key question is open', async () => {
    const logStart = sshd.log().length;
    const prompter = scriptedPrompter('connectOnce', 1000);
    const recorder = debugRecorder();
    let sshdLogAtDecision = '';
    const decide = prompter.decide.bind(prompter);
    prompter.decide = async (q) => {
      const answer = await decide(q);
      // Checked at the last moment before the answer reaches ssh2.
      sshdLogAtDecision = sshd.log().slice(logStart);
      return answer;
    };
    const connection = await connectSsh(base({ hostKeyPrompter: prompter, debug: recorder.debug }));
    await connection.close();

    const decidedAt = prompter.decidedAt[0]!;
    const authLines = recorder.lines.filter((l) => /Outbound: Sending USERAUTH_REQUEST/.test(l.line));
    expect(authLines.length).toBeGreaterThan(0);
    expect(authLines.every((l) => l.at >= decidedAt)).toBe(true);
    // The server's view: the connection was there, no login attempt yet.
    // (The fixture's LogLevel VERBOSE wins over a later DEBUG3 line, since
    // sshd keeps the first value; VERBOSE logs every publickey attempt.)
    expect(sshdLogAtDecision).toMatch(/Connection from 127\.0\.0\.1/);
    expect(sshdLogAtDecision).not.toMatch(/publickey|Postponed|Accepted|Failed|userauth/i);
    expect(sshd.log().slice(logStart)).toMatch(/Accepted publickey for/);
  });

  it('does not time out while the user looks at the host key question', async () => {
    const connection = await connectSsh(
      base({ connectTimeoutMs: 400, hostKeyPrompter: scriptedPrompter('connectOnce', 1200) }),
    );
    // ssh2's own readyTimeout is off (a DUO wait must not hit it); keepalive as the vendor's 240 s.
    const config = (
      connection.client as unknown as { config: { readyTimeout: number; keepaliveInterval: number } }
    ).config;
    expect(config).toMatchObject({ readyTimeout: 0, keepaliveInterval: 240_000 });
    await connection.close();
  });

  it('tells an open host key question when the server gives up meanwhile', async () => {
    const impatient = await startSshd({ authorizedKeys: [key.publicKey], extraConfig: ['LoginGraceTime 1'] });
    try {
      let questionSignal: AbortSignal | undefined;
      const error = await expectAppError(
        connectSsh(
          base({
            port: impatient.port,
            hostKeyPrompter: {
              decide: (q) => {
                questionSignal = q.signal;
                // The user leaves the dialog open; the UI closes it on abort.
                return new Promise((resolve) =>
                  q.signal.addEventListener('abort', () => resolve('connectOnce')),
                );
              },
            },
          }),
        ),
        'ssh.disconnected',
      );
      expect(error.params).toMatchObject({ host: impatient.host, port: impatient.port });
      expect(questionSignal?.aborted).toBe(true);
    } finally {
      await impatient.stop();
    }
  });

  it('files the host key under the name the user typed, resolved with the injected lookup', async () => {
    const { store, knownHosts } = memoryKnownHosts();
    const asked: string[] = [];
    const connection = await connectSsh(
      base({
        host: 'Portal.Meine-Schule.example',
        knownHosts,
        hostKeyPrompter: scriptedPrompter('acceptAndRemember'),
        lookup: async (name) => {
          asked.push(name);
          return { address: '127.0.0.1', family: 4 };
        },
      }),
    );
    await connection.close();
    expect(asked).toEqual(['Portal.Meine-Schule.example']);
    expect(store.read().entries.map((e) => e.host)).toEqual(['portal.meine-schule.example']);
  });

  it('reports an unknown host name', async () => {
    const error = await expectAppError(
      connectSsh(
        base({
          host: 'gibt-es-nicht.example',
          lookup: async (name) => {
            throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
          },
        }),
      ),
      'ssh.hostNotFound',
    );
    expect(error.params).toEqual({ host: 'gibt-es-nicht.example', port: sshd.port });
  });

  it('reports a refused connection', async () => {
    const port = await freePort();
    const error = await expectAppError(connectSsh(base({ port })), 'ssh.connectionRefused');
    expect(error.params).toEqual({ host: sshd.host, port });
  });

  it('times out on a server that accepts and never speaks', async () => {
    const sockets: import('node:net').Socket[] = [];
    const silent: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const started = Date.now();
    try {
      const error = await expectAppError(connectSsh(base({ port, connectTimeoutMs: 400 })), 'ssh.timeout');
      expect(error.params).toMatchObject({ host: sshd.host, port });
      expect(Date.now() - started).toBeGreaterThanOrEqual(350);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((r) => silent.close(r));
    }
  });

  it('reports a key the server does not accept as failed login', async () => {
    const error = await expectAppError(
      connectSsh(base({ auth: { type: 'privateKey', privateKey: stranger.privateKey } })),
      'ssh.authFailed',
    );
    expect(error.params).toMatchObject({ host: sshd.host, port: sshd.port, username: sshd.user });
  });

  it('tells a wrong or missing passphrase apart, and logs in with the right one', async () => {
    const wrong = await expectAppError(
      connectSsh(
        base({ auth: { type: 'privateKey', privateKey: encrypted.privateKey, passphrase: 'falsch' } }),
      ),
      'ssh.wrongPassphrase',
    );
    expect(wrong.message).not.toContain('falsch');
    await expectAppError(
      connectSsh(base({ auth: { type: 'privateKey', privateKey: encrypted.privateKey } })),
      'ssh.passphraseRequired',
    );
    const connection = await connectSsh(
      base({
        auth: {
          type: 'privateKey',
          privateKey: encrypted.privateKey,
          passphrase: 'correct horse battery staple',
        },
      }),
    );
    await connection.close();
  });

  it('logs in through an ssh2 agent object', async () => {
    const parsed = utils.parseKey(key.privateKey) as ParsedKey;
    let signs = 0;
    class OneKeyAgent extends BaseAgent<ParsedKey> {
      getIdentities(cb: (err: Error | undefined, keys?: ParsedKey[]) => void): void {
        cb(undefined, [parsed]);
      }
      sign(_pub: ParsedKey, data: Buffer, optionsOrCb: unknown, maybeCb?: unknown): void {
        const cb = (typeof optionsOrCb === 'function' ? optionsOrCb : maybeCb) as (
          err: Error | undefined,
          sig?: Buffer,
        ) => void;
        signs++;
        const signature = parsed.sign(data);
        if (signature instanceof Error) cb(signature);
        else cb(undefined, signature);
      }
    }
    const connection = await connectSsh(base({ auth: { type: 'agent', agent: new OneKeyAgent() } }));
    expect(signs).toBe(1);
    await connection.close();
  });

  it('makes a legacy-only server readable as an unsupported algorithm', async () => {
    // group14-sha1 is still in OpenSSH but no longer in our offer.
    const legacy = await startSshd({
      authorizedKeys: [key.publicKey],
      extraConfig: ['KexAlgorithms diffie-hellman-group14-sha1'],
    });
    try {
      const never = neverAskPrompter();
      const error = await expectAppError(
        connectSsh(base({ port: legacy.port, hostKeyPrompter: never })),
        'ssh.algorithmUnsupported',
      );
      expect(error.params).toMatchObject({ host: legacy.host, port: legacy.port });
      expect(String(error.params.detail)).toMatch(/key exchange/);
      expect(never.asked).toBe(0);
    } finally {
      await legacy.stop();
    }
  });

  it('connects through a jump host channel given as sock, checking the key under the typed name', async () => {
    const portal = await connectSsh(base());
    try {
      const channel = await new Promise<import('ssh2').ClientChannel>((resolve, reject) =>
        portal.client.forwardOut('127.0.0.1', 0, sshd.host, sshd.port, (err, stream) =>
          err ? reject(err) : resolve(stream),
        ),
      );
      const prompter = scriptedPrompter('acceptAndRemember');
      const { store, knownHosts } = memoryKnownHosts();
      const backup = await connectSsh(
        base({
          host: 'backup.meine-schule.example',
          port: 22,
          sock: channel,
          knownHosts,
          hostKeyPrompter: prompter,
          lookup: async () => {
            throw new Error('no DNS lookup for a jump channel');
          },
        }),
      );
      expect(prompter.questions).toEqual([
        {
          host: 'backup.meine-schule.example',
          port: 22,
          keyType: 'ssh-ed25519',
          fingerprint: sshd.hostFingerprint,
        },
      ]);
      expect(store.read().entries.map((e) => `${e.host}:${e.port}`)).toEqual([
        'backup.meine-schule.example:22',
      ]);
      await backup.close();
      expect(portal.isOpen).toBe(true);
    } finally {
      await portal.close();
    }
  });

  it('reports the reason when an open connection dies', async () => {
    const connection = await connectSsh(base());
    const reasons: unknown[] = [];
    connection.onClose((reason) => reasons.push(reason));
    // Cut the TCP connection under ssh2's feet.
    (connection.client as unknown as { _sock: import('node:net').Socket })._sock.destroy();
    const reason = await connection.closed;
    expect(reason).toBeInstanceOf(AppError);
    expect(reason?.code).toBe('ssh.disconnected');
    expect(reasons).toEqual([reason]);
  });
});
