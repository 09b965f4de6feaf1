// The agent inside the app: the store's socket (and, on Windows, pipes) for
// other programs, keys remembered by path and loaded at start like Pageant's
// command line, confirm-each-use through the prompt service, and the
// `agent.*` events. Plain Node; the shells (host, Electron) only pass paths.
import { homedir, userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import type { AgentKey, AgentRefusalInfo, AgentStateInfo } from '../../../shared/contract/agent';
import type { ErrorInfo } from '../../../shared/errors';
import {
  openSshPipeName,
  pageantPipeName,
  pipeIdentityAgentSnippet,
  startPipeAgentServer,
  loadWindowsPlatform,
  startUnixAgentServer,
  type AgentKeyInfo,
  type AgentKeyStore,
  type ConfirmHandler,
  type PipeAgentServer,
  type UnixAgentServer,
  type WindowsPlatform,
} from '../../agent';
import { AppError, isAppError } from '../../core/app-error';
import type { Logger } from '../../core/log';
import type { EventBus } from '../../contract/event-bus';
import type { PromptService } from '../../prompts/prompt-service';
import type { SettingsService } from '../settings/settings-service';
import type { KnownHosts } from '../../ssh/known-hosts';
import { expandHome } from '../../core/user-path';
import { unlockKeyFileIntoAgent } from './key-unlock';
import type { StoredPassphrases } from './stored-passphrases';

/** How long a confirm-each-use prompt waits before the agent denies. */
const CONFIRM_TIMEOUT_MS = 60_000;
const MAX_REFUSALS = 20;

/**
 * Confirm-each-use through the prompt service: the UI shows key and
 * destination; no answer within `timeoutMs` (no window open, user away) denies.
 */
export function confirmThroughPrompts(
  prompts: PromptService,
  options: { timeoutMs?: number; now?: () => number } = {},
): ConfirmHandler {
  const timeoutMs = options.timeoutMs ?? CONFIRM_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  return async (request) => {
    const answer = await prompts.ask(
      {
        kind: 'confirmUse',
        keyType: request.key.type,
        keyComment: request.key.comment,
        keyFingerprint: request.key.fingerprint,
        destination: request.destination ?? null,
        client: request.client,
        forwarded: request.forwarded === true,
        deadline: now() + timeoutMs,
      },
      { kind: 'confirmUse', allow: false },
      AbortSignal.timeout(timeoutMs),
    );
    return answer.allow;
  };
}

/** `~/x` and relative paths (the host's arguments, relative to where it was started) as the user means them. */
export function normaliseKeyPath(path: string, home: string = homedir()): string {
  return resolve(expandHome(path, home));
}

export interface AgentRuntimeDeps {
  agent: AgentKeyStore;
  prompts: PromptService;
  events: EventBus;
  settings: SettingsService;
  knownHosts: KnownHosts;
  log: Logger;
  /** Tells the user about a key that failed to load at start. */
  notify: (notice: ErrorInfo) => void;
  /** Passphrases of remembered keys the user chose to keep in the OS keychain; none = not offered. */
  passphrases?: StoredPassphrases;
}

export interface AgentStartOptions {
  /** Wished UNIX socket path; none = no socket. Ignored on Windows. */
  socketPath?: string;
  /** Key files to load at start besides the remembered ones (the host's arguments). */
  keyFiles?: string[];
  /** Windows: serve pipes (the Pageant name needs the platform's native calls). */
  windows?: { pipes: boolean; platform?: WindowsPlatform };
}

export interface AddFileInput {
  path: string;
  passphrase?: string;
  confirm?: boolean;
  lifetimeSeconds?: number;
  remember?: boolean;
  storePassphrase?: boolean;
}

export class AgentRuntime {
  private socket: UnixAgentServer | null = null;
  private socketError: ErrorInfo | null = null;
  private pipes: PipeAgentServer[] = [];
  private pipeNames: AgentStateInfo['pipes'] = null;
  private refusals: AgentRefusalInfo[] = [];
  private readonly unsubscribe: Array<() => void> = [];
  private started: Promise<void> | null = null;
  private disposed = false;

  constructor(private readonly deps: AgentRuntimeDeps) {
    // A stored passphrase lives only as long as its key is remembered, however
    // the path leaves the list (agent.remove with forget, or settings.update).
    deps.passphrases?.retain(deps.settings.get().agentKeyPaths);
    this.unsubscribe.push(
      deps.settings.onChange((settings) => {
        if (deps.passphrases?.retain(settings.agentKeyPaths)) this.emitChanged();
      }),
      deps.agent.onChange(() => this.emitChanged()),
      deps.agent.onRefusal((refusal) => {
        const info: AgentRefusalInfo = { ...refusal, at: Date.now() };
        this.refusals = [...this.refusals, info].slice(-MAX_REFUSALS);
        deps.log.info(
          `agent: refused ${refusal.type} ${refusal.bits} from ${refusal.source}: ${refusal.error.code}`,
        );
        deps.events.emit('agent.refused', info);
        this.emitChanged();
      }),
    );
  }

  /**
   * Starts the transports, then loads the remembered keys and `keyFiles` in
   * the background (passphrases are asked as prompts; a window opened later
   * finds them pending). Resolves once the transports are up or have failed.
   */
  start(options: AgentStartOptions = {}): Promise<void> {
    this.started ??= this.startTransports(options).then(() => {
      void this.loadKeyFiles([...this.deps.settings.get().agentKeyPaths, ...(options.keyFiles ?? [])]);
    });
    return this.started;
  }

  /** Resolves when start() has brought up (or failed to bring up) the transports. */
  ready(): Promise<void> {
    return this.started ?? Promise.resolve();
  }

  /** The socket's effective path, or null when none runs. */
  get socketPath(): string | null {
    return this.socket?.path ?? null;
  }

  state(): AgentStateInfo {
    const { keyCount, locked } = this.deps.agent.state;
    return {
      keyCount,
      locked,
      socket: this.socket
        ? {
            path: this.socket.path,
            exportLine: this.socket.exportLine,
            configSnippet: this.socket.configSnippet,
          }
        : null,
      socketError: this.socketError,
      pipes: this.pipeNames,
      refusals: [...this.refusals],
      vaultAvailable: this.deps.passphrases?.available() ?? false,
    };
  }

  list(): AgentKey[] {
    const remembered = new Set(this.deps.settings.get().agentKeyPaths);
    return this.deps.agent.list().map((key) => this.toAgentKey(key, remembered));
  }

  async addFile(input: AddFileInput): Promise<AgentKey> {
    const path = normaliseKeyPath(input.path);
    // Refused before the key is loaded, so a refusal changes nothing.
    if (input.storePassphrase) {
      if (!input.remember) throw new AppError('agent.storePassphraseNeedsRemember');
      if (!this.deps.passphrases?.available()) throw new AppError('agent.vaultUnavailable');
    }
    const info = await this.deps.agent.addFromFile(path, input.passphrase, {
      constraints: {
        ...(input.confirm ? { confirm: true } : {}),
        ...(input.lifetimeSeconds ? { lifetimeSeconds: input.lifetimeSeconds } : {}),
      },
    });
    if (input.remember) {
      this.remember(path);
      this.storePassphrase(path, input.storePassphrase ? input.passphrase : undefined);
    }
    // A re-add with other constraints does not change the count: tell the view anyway.
    this.emitChanged();
    return this.toAgentKey(info, new Set(this.deps.settings.get().agentKeyPaths));
  }

  remove(fingerprint: string, forget = false): void {
    const key = this.deps.agent.list().find((k) => k.fingerprint === fingerprint);
    if (!key) throw new AppError('agent.keyNotFound', { fingerprint });
    if (forget) this.forget(key.source);
    this.deps.agent.remove(fingerprint);
    if (forget) this.emitChanged();
  }

  removeAll(): number {
    return this.deps.agent.removeAll();
  }

  lock(passphrase: string): Promise<void> {
    return this.deps.agent.lock(passphrase);
  }

  unlock(passphrase: string): Promise<void> {
    return this.deps.agent.unlock(passphrase);
  }

  dismissRefusals(): void {
    this.refusals = [];
    this.emitChanged();
  }

  /** Names a host from a session-bind host key, for confirm prompts of socket clients. */
  resolveHostKey(fingerprint: string): string | undefined {
    const entry = this.deps.knownHosts.list().find((e) => e.fingerprint === fingerprint);
    if (!entry) return undefined;
    return entry.port === 22 ? entry.host : `${entry.host}:${entry.port}`;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const off of this.unsubscribe.splice(0)) off();
    await this.started?.catch(() => undefined);
    await Promise.all([this.socket?.close(), ...this.pipes.map((p) => p.close())]);
    this.socket = null;
    this.pipes = [];
  }

  private remember(path: string): void {
    const paths = this.deps.settings.get().agentKeyPaths;
    if (!paths.includes(path)) this.deps.settings.update({ agentKeyPaths: [...paths, path] });
  }

  private forget(path: string): void {
    const paths = this.deps.settings.get().agentKeyPaths;
    if (paths.includes(path)) this.deps.settings.update({ agentKeyPaths: paths.filter((p) => p !== path) });
    this.deps.passphrases?.delete(path);
  }

  /**
   * Keeps the passphrase of a remembered key sealed, or (none given: the
   * option unchecked, or a key without one) deletes a stored one. Sealing
   * that fails leaves the key loaded and remembered, and says so.
   */
  private storePassphrase(path: string, passphrase: string | undefined): void {
    const store = this.deps.passphrases;
    if (!store) return;
    if (!passphrase) {
      store.delete(path);
      return;
    }
    try {
      store.put(path, passphrase);
    } catch (error) {
      store.delete(path);
      // The error's text comes from the keychain, never holds the passphrase; the name is enough.
      this.deps.log.warn(`agent: passphrase of ${basename(path)} not stored: ${errorName(error)}`);
      this.deps.notify({ code: 'agent.passphraseNotStored', params: { file: path } });
    }
  }

  /**
   * A remembered key with a stored passphrase loads without a prompt. When
   * the passphrase cannot be opened (keychain changed or gone) or no longer
   * fits (key file changed), the stale entry is dropped, the user is told,
   * and false sends the caller on to the prompt. Other failures (file
   * missing) keep the entry and are thrown as before.
   */
  private async loadWithStoredPassphrase(path: string): Promise<boolean> {
    const store = this.deps.passphrases;
    if (!store?.has(path)) return false;
    if (this.deps.agent.list().some((key) => key.source === path)) return true;
    const drop = (why: string) => {
      store.delete(path);
      this.deps.log.warn(`agent: stored passphrase of ${basename(path)} dropped: ${why}`);
      this.deps.notify({ code: 'agent.storedPassphraseFailed', params: { file: path } });
      this.emitChanged();
      return false;
    };
    let passphrase: string | null;
    try {
      passphrase = store.reveal(path);
    } catch (error) {
      return drop(`cannot be opened (${errorName(error)})`);
    }
    if (passphrase === null) return false;
    try {
      await this.deps.agent.addFromFile(path, passphrase);
      return true;
    } catch (error) {
      if (
        isAppError(error) &&
        (error.code === 'keys.wrongPassphrase' || error.code === 'keys.passphraseRequired')
      ) {
        return drop(error.code);
      }
      throw error;
    }
  }

  private async startTransports(options: AgentStartOptions): Promise<void> {
    // Socket and pipe clients alike: confirm prompts name the host through known hosts.
    const resolveHostKey = (fingerprint: string) => this.resolveHostKey(fingerprint);
    if (process.platform === 'win32') {
      if (options.windows?.pipes) await this.startPipes(resolveHostKey, options.windows.platform);
      return;
    }
    if (!options.socketPath) return;
    try {
      const server = await startUnixAgentServer({
        path: options.socketPath,
        store: this.deps.agent,
        session: { sourceLabel: 'ssh-add', resolveHostKey },
      });
      if (this.disposed) return void (await server.close());
      this.socket = server;
      this.deps.log.info(`agent: socket at ${server.path}${server.fallback ? ' (short fallback path)' : ''}`);
    } catch (error) {
      this.socketError = isAppError(error)
        ? error.toInfo()
        : { code: 'agent.socketFailed', params: { path: options.socketPath, reason: String(error) } };
      this.deps.log.warn(
        `agent: no socket: ${this.socketError.code} ${JSON.stringify(this.socketError.params)}`,
      );
      this.deps.notify(this.socketError);
    }
  }

  // TODO(windows): not run on Windows yet (see transport/windows).
  private async startPipes(
    resolveHostKey: (fingerprint: string) => string | undefined,
    platform?: WindowsPlatform,
  ): Promise<void> {
    const names = { openSsh: null as string | null, pageant: null as string | null };
    const serve = async (pipePath: string, sourceLabel: string) => {
      const server = await startPipeAgentServer({
        pipePath,
        store: this.deps.agent,
        sourceLabel,
        session: { resolveHostKey },
      });
      this.pipes.push(server);
      return pipePath;
    };
    // Pageant's pipe name needs native calls (koffi); without them PuTTY tools
    // cannot find us, but Windows' OpenSSH still can.
    platform ??= await loadWindowsPlatform().catch((error: unknown) => {
      this.deps.log.warn('agent: Windows API unavailable, no Pageant pipe:', String(error));
      if (isAppError(error)) this.deps.notify(error.toInfo());
      return undefined;
    });
    try {
      names.openSsh = await serve(openSshPipeName(userInfo().username), 'ssh-add');
      if (platform) names.pageant = await serve(pageantPipeName(platform), 'Pageant client');
    } catch (error) {
      this.socketError = isAppError(error)
        ? error.toInfo()
        : { code: 'agent.socketFailed', params: { path: 'pipe', reason: String(error) } };
      this.deps.notify(this.socketError);
    }
    this.pipeNames = {
      ...names,
      configSnippet: names.openSsh ? pipeIdentityAgentSnippet(names.openSsh) : null,
    };
  }

  /**
   * Like Pageant started with key files: each asks for its passphrase once
   * (a file already loaded is skipped). Failures become notices.
   */
  async loadKeyFiles(files: string[]): Promise<void> {
    const paths = [...new Set(files.map((p) => normaliseKeyPath(p)))];
    for (const path of paths) {
      if (this.disposed) return;
      try {
        if (await this.loadWithStoredPassphrase(path)) continue;
        await unlockKeyFileIntoAgent(path, this.deps.agent, this.deps.prompts);
      } catch (error) {
        const info: ErrorInfo = isAppError(error) ? error.toInfo() : { code: 'internal', params: {} };
        this.deps.log.warn(`agent: ${basename(path)} not loaded at start: ${info.code}`);
        // Cancelling the passphrase is the user's choice, not news.
        if (info.code !== 'keys.unlockCancelled') {
          this.deps.notify({ ...info, params: { file: path, ...info.params } });
        }
      }
    }
  }

  private emitChanged(): void {
    if (this.disposed) return;
    this.deps.events.emit('agent.changed', { state: this.state(), keys: this.list() });
  }

  /** Field by field, so nothing the store adds later reaches the renderer unasked. */
  private toAgentKey(key: AgentKeyInfo, remembered: ReadonlySet<string>): AgentKey {
    const isRemembered = remembered.has(key.source);
    return {
      type: key.type,
      bits: key.bits,
      comment: key.comment,
      fingerprint: key.fingerprint,
      publicKey: key.publicKey,
      source: key.source,
      addedAt: key.addedAt,
      useCount: key.useCount,
      lastUsedAt: key.lastUsedAt,
      confirm: key.confirm,
      expiresAt: key.expiresAt,
      remembered: isRemembered,
      passphraseStored: isRemembered && (this.deps.passphrases?.has(key.source) ?? false),
    };
  }
}

/** An error's class name only: for logs that must not carry anything the error might hold. */
function errorName(error: unknown): string {
  if (isAppError(error)) return error.code;
  return error instanceof Error ? error.name : typeof error;
}

/**
 * Key files among a shell's command line (Electron: after the executable, and
 * the app folder in development): arguments that are not switches.
 */
export function keyFileArguments(argv: string[], skip: number): string[] {
  return argv.slice(skip).filter((arg) => arg !== '' && !arg.startsWith('-') && arg !== '.');
}
