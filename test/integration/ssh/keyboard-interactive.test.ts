// The DUO-shaped login (publickey, then keyboard-interactive) against an
// in-process ssh2 server, since the fixture's OpenSSH runs without PAM and
// so offers no keyboard-interactive. The prompt text is duo_unix's menu.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Server, utils, type Connection, type ParsedKey } from 'ssh2';
import { connectSsh, type ConnectSshOptions } from '../../../src/main/ssh/connect';
import type {
  AuthProgress,
  KeyboardInteractivePrompter,
  KeyboardInteractiveRequest,
} from '../../../src/main/ssh/prompters';
import { AppError } from '../../../src/main/core/app-error';
import { duoMenu } from '../../fixtures/duo/menu';
import { makeKeyDir, memoryKnownHosts, scriptedPrompter, type KeyDir, type TestKey } from './support';

const DUO_MENU = duoMenu('iserv-max.muster', { name: 'XXX-XXX-1078' });

describe('publickey then keyboard-interactive (DUO shape)', () => {
  let keys: KeyDir;
  let key: TestKey;
  let server: Server;
  let port: number;
  let answersSeen: string[][] = [];
  let pushDelayMs = 0;

  beforeAll(async () => {
    keys = makeKeyDir();
    key = keys.make('id');
    const allowed = utils.parseKey(key.publicKey) as ParsedKey;
    const hostKey = utils.generateKeyPairSync('ed25519').private;
    server = new Server({ hostKeys: [hostKey] }, (client: Connection) => {
      let keyOk = false;
      client.on('authentication', (ctx) => {
        if (ctx.method === 'publickey') {
          const matches = ctx.key.algo === allowed.type && ctx.key.data.equals(allowed.getPublicSSH());
          if (!matches) return ctx.reject(['publickey']);
          if (!ctx.signature) return ctx.accept(); // the "would you accept this key" query
          if (allowed.verify(ctx.blob!, ctx.signature, ctx.hashAlgo) !== true)
            return ctx.reject(['publickey']);
          keyOk = true;
          return ctx.reject(['keyboard-interactive'], true); // partial success, as with pam_duo
        }
        if (ctx.method === 'keyboard-interactive' && keyOk) {
          return ctx.prompt([{ prompt: DUO_MENU, echo: true }], (answers) => {
            answersSeen.push(answers);
            if (answers[0] !== '1') return ctx.reject(['keyboard-interactive']);
            // "Pushed a login request to your device..." then the phone answers.
            setTimeout(() => ctx.accept(), pushDelayMs);
          });
        }
        ctx.reject(keyOk ? ['keyboard-interactive'] : ['publickey']);
      });
      client.on('error', () => {});
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    keys?.remove();
  });

  const options = (
    prompter: KeyboardInteractivePrompter,
    extra: Partial<ConnectSshOptions> = {},
  ): ConnectSshOptions => ({
    host: '127.0.0.1',
    port,
    username: 'iserv-max.muster',
    auth: { type: 'privateKey', privateKey: key.privateKey },
    knownHosts: memoryKnownHosts().knownHosts,
    hostKeyPrompter: scriptedPrompter('connectOnce'),
    keyboardInteractive: prompter,
    ...extra,
  });

  it('hands the raw DUO menu to the prompter and logs in with its answer, waiting for the phone beyond the connect timeout', async () => {
    answersSeen = [];
    pushDelayMs = 1500;
    const requests: Omit<KeyboardInteractiveRequest, 'signal'>[] = [];
    const progress: AuthProgress['stage'][] = [];
    const connection = await connectSsh(
      options(
        {
          respond: async ({ signal: _s, ...request }) => {
            requests.push(request);
            return ['1'];
          },
        },
        // Shorter than the push wait: the login phase must not be timed.
        { connectTimeoutMs: 1000, onAuthProgress: (p) => progress.push(p.stage) },
      ),
    );
    await connection.close();
    expect(requests).toEqual([
      {
        host: '127.0.0.1',
        port,
        username: 'iserv-max.muster',
        name: '',
        instructions: '',
        prompts: [{ prompt: DUO_MENU, echo: true }],
        // No approval limit was set.
        deadline: 0,
      },
    ]);
    expect(answersSeen).toEqual([['1']]);
    expect(progress).toEqual([
      'hostKeyAccepted',
      'publickey',
      'partialSuccess',
      'keyboardInteractive',
      'authenticated',
    ]);
  });

  it('reports cancel at the prompt as ssh.authCancelled', async () => {
    pushDelayMs = 0;
    const error = await connectSsh(options({ respond: async () => null })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('ssh.authCancelled');
  });

  it('lets the user retry a wrong passcode, then reports failed login', async () => {
    answersSeen = [];
    let calls = 0;
    const error = await connectSsh(
      options({
        respond: async () => {
          calls++;
          return ['000000'];
        },
      }),
    ).catch((e: unknown) => e);
    // The key was accepted: what failed is the second step.
    expect((error as AppError).code).toBe('ssh.approvalDenied');
    expect(calls).toBe(3);
  });

  it('without a prompter, stops after the key and reports failed login', async () => {
    const error = await connectSsh({
      ...options({ respond: async () => ['1'] }),
      keyboardInteractive: undefined,
    }).catch((e: unknown) => e);
    // No second step was tried, so this is a plain failed login, not a DUO refusal.
    expect((error as AppError).code).toBe('ssh.authFailed');
  });

  it('aborting the attempt while the prompt is open cancels it and tells the prompter', async () => {
    const controller = new AbortController();
    let promptSignal: AbortSignal | undefined;
    const error = await connectSsh(
      options(
        {
          respond: ({ signal }) => {
            promptSignal = signal;
            setTimeout(() => controller.abort(), 50);
            // The user answers only after the attempt was cancelled: that
            // late answer must go nowhere.
            return new Promise((resolve) =>
              signal.addEventListener('abort', () => setTimeout(() => resolve(['1']), 20)),
            );
          },
        },
        { signal: controller.signal },
      ),
    ).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('ssh.authCancelled');
    expect(promptSignal?.aborted).toBe(true);
  });
});
