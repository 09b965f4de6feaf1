// connectSsh: resolve, TCP, handshake, host key decision, login. Resolves
// with a ready SshConnection or rejects with one readable AppError.
// ssh2 is CommonJS: Node's ESM loader (the built host) sees only its default export.
import ssh2, { type BaseAgent, type ParsedKey } from 'ssh2';
import type { Duplex } from 'node:stream';
import { AppError } from '../core/app-error';
import { algorithmsFor } from './algorithms';
import { createAuthHandler, type ResolvedCredential } from './auth-handler';
import { ApprovalWait } from './approval-wait';
import { Deadline } from './deadline';
import { isSoftAuthError, mapKeyParseError, mapSshError, type ErrorContext } from './errors';
import { keyboardInteractiveMethod } from './keyboard-interactive';
import { createHostKeyVerifier } from './host-key-verifier';
import type { KnownHosts } from './known-hosts';
import type { AuthProgress, HostKeyPrompter, KeyboardInteractivePrompter } from './prompters';
import { SshConnection } from './connection';
import { watchGreeting } from './greeting';
import { openTcp, resolveHost, systemLookup, type LookupFn } from './tcp';

const { Client, utils } = ssh2;

export type SshAuth =
  /** OpenSSH/PPK key material; parsed here, never logged. */
  | { type: 'privateKey'; privateKey: Buffer | string; passphrase?: string }
  /** Any ssh2 agent, e.g. the app's in-process agent (a BaseAgent subclass). */
  | { type: 'agent'; agent: BaseAgent };

export interface ConnectSshOptions {
  /** As the user typed it: name or IP. Host keys are filed under it. */
  host: string;
  port?: number;
  username: string;
  auth: SshAuth;
  knownHosts: KnownHosts;
  hostKeyPrompter: HostKeyPrompter;
  /** Answers keyboard-interactive prompts (DUO later). Absent: the method is not tried. */
  keyboardInteractive?: KeyboardInteractivePrompter;
  onAuthProgress?: (progress: AuthProgress) => void;
  /** An already connected stream (a jump host's forwardOut channel): no DNS, no TCP. */
  sock?: Duplex;
  /** Injectable resolver; default node's dns.lookup. */
  lookup?: LookupFn;
  /**
   * Time for DNS, TCP and the SSH handshake up to the server accepting the
   * login service. Paused while the host key question is open; not applied to
   * the login itself, which may wait for a phone (DUO).
   */
  connectTimeoutMs?: number;
  /**
   * Forward the agent (auth.type 'agent' only) to the server: each shell asks
   * for it, and the server's agent channels reach the agent's getStream.
   */
  agentForward?: boolean;
  /** SSH keepalive; the vendor uses ServerAliveInterval 240. */
  keepaliveIntervalMs?: number;
  /**
   * How long the second step (DUO: prompts and the phone) may take after the
   * key was accepted; then the login fails with ssh.approvalTimedOut. 0: no limit.
   */
  approvalTimeoutMs?: number;
  /** Aborting cancels the attempt (rejects with ssh.authCancelled). */
  signal?: AbortSignal;
  /** ssh2's debug lines (contain no key material). */
  debug?: (line: string) => void;
}

const DEFAULT_PORT = 22;
const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;
const DEFAULT_KEEPALIVE_INTERVAL_MS = 240_000;
/** Unanswered keepalives before the link counts as dead (OpenSSH's ServerAliveCountMax). */
const KEEPALIVE_COUNT_MAX = 3;

function resolveCredential(auth: SshAuth, ctx: ErrorContext): ResolvedCredential {
  if (auth.type === 'agent') return { type: 'agent', agent: auth.agent };
  // Parse before any network traffic: a wrong passphrase is reported as such
  // (ssh2 would silently skip an unparsable key and say "auth failed").
  const parsed = utils.parseKey(auth.privateKey, auth.passphrase);
  if (parsed instanceof Error) throw mapKeyParseError(parsed, ctx);
  const key: ParsedKey | undefined = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!key || !key.isPrivateKey())
    throw new AppError('ssh.keyUnreadable', {
      host: ctx.host,
      port: ctx.port,
      detail: 'no private key found',
    });
  return { type: 'publickey', key };
}

export function connectSsh(options: ConnectSshOptions): Promise<SshConnection> {
  const host = options.host.trim();
  const port = options.port ?? DEFAULT_PORT;
  const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const keepaliveIntervalMs = options.keepaliveIntervalMs ?? DEFAULT_KEEPALIVE_INTERVAL_MS;
  const ctx: ErrorContext = {
    host,
    port,
    username: options.username,
    timeoutMs,
    keepaliveMs: keepaliveIntervalMs * KEEPALIVE_COUNT_MAX,
  };

  return new Promise<SshConnection>((resolve, reject) => {
    const gone = new AbortController();
    const client = new Client();
    let socket: Duplex | undefined = options.sock;
    let settled = false;
    let greeting: (() => string | null) | undefined;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      deadline.stop();
      approval.stop();
      gone.abort();
      options.signal?.removeEventListener('abort', onAbort);
      const outcome = verification.outcome();
      // Before any host key arrived, a server that spoke but not SSH explains the failure best.
      const notSsh = outcome ? null : (greeting?.() ?? null);
      // The host key refusal explains the "Host denied" ssh2 reports after it.
      const reason =
        outcome && !outcome.accepted
          ? outcome.error
          : notSsh !== null
            ? new AppError('ssh.notSshServer', { host, port, reply: notSsh })
            : secondStepFailure(mapSshError(error, ctx));
      client.removeAllListeners('ready');
      client.on('error', () => {}); // late errors of a dead attempt go nowhere
      client.destroy();
      socket?.destroy();
      reject(reason);
    };
    const onAbort = () => fail(new AppError('ssh.authCancelled', { host, port }));
    const approval = new ApprovalWait(options.approvalTimeoutMs ?? 0, (seconds) =>
      fail(new AppError('ssh.approvalTimedOut', { host, port, seconds })),
    );
    // After keyboard-interactive was tried, "all methods failed" means the second step (DUO) said no.
    const secondStepFailure = (error: AppError) =>
      approval.secondStepTried && error.code === 'ssh.authFailed'
        ? new AppError('ssh.approvalDenied', { host, port }, { cause: error })
        : error;
    const deadline = new Deadline(timeoutMs, () =>
      fail(Object.assign(new Error('Timed out'), { level: 'client-timeout' })),
    );

    const verification = createHostKeyVerifier({
      host,
      port,
      knownHosts: options.knownHosts,
      prompter: options.hostKeyPrompter,
      signal: gone.signal,
      onPrompt: (open) => (open ? deadline.disarm() : deadline.arm()),
    });

    let credential: ResolvedCredential;
    try {
      credential = resolveCredential(options.auth, ctx);
    } catch (error) {
      settled = true;
      reject(mapSshError(error, ctx)); // passes AppErrors through
      return;
    }
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    deadline.arm();

    const keyboardInteractive =
      options.keyboardInteractive &&
      keyboardInteractiveMethod(options.keyboardInteractive, {
        host,
        port,
        username: options.username,
        deadline: () => approval.deadline,
        signal: gone.signal,
        over: () => settled,
        cancel: (cause) => fail(new AppError('ssh.authCancelled', { host, port }, { cause })),
      });

    client.on('error', (error: Error & { level?: string }) => {
      if (isSoftAuthError(error)) {
        options.debug?.(`soft auth error: ${mapSshError(error, ctx).message}`);
        return;
      }
      fail(error);
    });
    client.once('close', () =>
      fail(Object.assign(new Error('Connection lost before login'), { code: 'ECONNRESET' })),
    );
    client.once('ready', () => {
      if (settled) return;
      settled = true;
      deadline.stop();
      approval.stop();
      options.signal?.removeEventListener('abort', onAbort);
      const outcome = verification.outcome();
      if (!outcome?.accepted) {
        // Cannot happen (ssh2 waits for the verifier), but never hand out an unverified connection.
        client.destroy();
        reject(new AppError('ssh.hostKeyRejected', { host, port, fingerprint: '' }));
        return;
      }
      options.onAuthProgress?.({ stage: 'authenticated' });
      resolve(new SshConnection(client, host, port, options.username, outcome.hostKey, ctx));
    });

    const start = async () => {
      if (!socket) {
        const address = await resolveHost(host, options.lookup ?? systemLookup);
        if (settled) return;
        const tcp = openTcp(address, port);
        socket = tcp.socket;
        await tcp.connected;
        if (settled) return;
      }
      greeting = watchGreeting(socket);
      client.connect({
        sock: socket,
        username: options.username,
        // Our Deadline times the handshake; ssh2's readyTimeout would also
        // time the login, which can wait for a phone (DUO).
        readyTimeout: 0,
        keepaliveInterval: keepaliveIntervalMs,
        keepaliveCountMax: KEEPALIVE_COUNT_MAX,
        // Stored key types first, so a server holding several presents one we know.
        algorithms: algorithmsFor(options.knownHosts, host, port),
        ...(options.agentForward && options.auth.type === 'agent'
          ? { agent: options.auth.agent, agentForward: true }
          : {}),
        hostVerifier: verification.hostVerifier,
        authHandler: createAuthHandler({
          username: options.username,
          credential,
          keyboardInteractive,
          // The phone's time starts when the key is accepted.
          onPartialSuccess: () => approval.start(),
          onProgress: (progress) => {
            if (progress.stage === 'keyboardInteractive') approval.secondStepTried = true;
            if (progress.stage === 'publickey') {
              // The server accepted the login service: it is alive and speaks
              // SSH. From here on, waiting is the user's (or phone's) business.
              deadline.stop();
              const outcome = verification.outcome();
              if (outcome?.accepted)
                options.onAuthProgress?.({
                  stage: 'hostKeyAccepted',
                  fingerprint: outcome.hostKey.fingerprint,
                  remembered: outcome.remembered,
                });
            }
            options.onAuthProgress?.(progress);
          },
        }),
        ...(options.debug ? { debug: options.debug } : {}),
      });
    };
    start().catch(fail);
  }).catch((error: unknown) => {
    throw mapSshError(error, ctx);
  });
}
