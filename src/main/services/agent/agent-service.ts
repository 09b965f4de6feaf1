// The agent as the app offers it: what the `agent.*` handlers call. It
// composes the key store (agent/), the transports other programs use, the
// keys remembered by path, and sends `agent.changed` / `agent.refused`.
import type { z } from 'zod';
import type {
  AgentKey,
  AgentRefusalInfo,
  AgentStateInfo,
  agentAddFileSchema,
} from '../../../shared/contract/agent';
import type { ErrorInfo } from '../../../shared/errors';
import type { AgentKeyInfo, AgentKeyStore } from '../../agent';
import { AppError } from '../../core/app-error';
import type { Logger } from '../../core/log';
import { requireUserPath } from '../../core/user-path';
import type { EventBus } from '../../contract/event-bus';
import { keyInfoOf } from '../../keys/key-info';
import type { PromptService } from '../../prompts/prompt-service';
import type { KnownHosts } from '../../ssh/known-hosts';
import type { SettingsService } from '../settings/settings-service';
import { AgentTransports, type AgentTransportOptions } from './agent-transports';
import { RememberedKeys } from './remembered-keys';
import type { StoredPassphrases } from './stored-passphrases';

const MAX_REFUSALS = 20;

export interface AgentServiceDeps {
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

export interface AgentStartOptions extends AgentTransportOptions {
  /** Absolute key files to load at start besides the remembered ones (the shell's arguments). */
  keyFiles?: string[];
}

/** `agent.addFile`'s input after validation. */
export type AddFileInput = z.output<typeof agentAddFileSchema>;

export class AgentService {
  private readonly transports: AgentTransports;
  private readonly remembered: RememberedKeys;
  private refusals: AgentRefusalInfo[] = [];
  private readonly unsubscribe: Array<() => void> = [];
  private started: Promise<void> | null = null;
  private disposed = false;

  constructor(private readonly deps: AgentServiceDeps) {
    this.transports = new AgentTransports({
      store: deps.agent,
      log: deps.log,
      notify: deps.notify,
      // Socket and pipe clients alike: confirm prompts name the host through known hosts.
      resolveHostKey: (fingerprint) => this.resolveHostKey(fingerprint),
    });
    this.remembered = new RememberedKeys({
      store: deps.agent,
      prompts: deps.prompts,
      settings: deps.settings,
      log: deps.log,
      notify: deps.notify,
      changed: () => this.emitChanged(),
      passphrases: deps.passphrases,
    });
    // A stored passphrase lives only as long as its key is remembered, however
    // the path leaves the list (agent.remove with forget, or settings.update).
    this.remembered.retainPassphrases(deps.settings.get().agentKeyPaths);
    this.unsubscribe.push(
      deps.settings.onChange((settings) => {
        if (this.remembered.retainPassphrases(settings.agentKeyPaths)) this.emitChanged();
      }),
      deps.agent.onChange(() => this.emitChanged()),
      deps.agent.onRefusal((refusal) => {
        const info: AgentRefusalInfo = { ...refusal, at: Date.now() };
        this.refusals = [...this.refusals, info].slice(-MAX_REFUSALS);
        deps.log.info('agent: key refused', {
          reason: refusal.type,
          bits: refusal.bits,
          source: refusal.source,
          code: refusal.error.code,
        });
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
    this.started ??= this.transports.start(options).then(() => {
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
    return this.transports.socketPath;
  }

  /** Like Pageant given key files (absolute paths): each asks for its passphrase once. */
  loadKeyFiles(files: string[]): Promise<void> {
    return this.remembered.load(files);
  }

  state(): AgentStateInfo {
    const { keyCount, locked } = this.deps.agent.state;
    return {
      keyCount,
      locked,
      socket: this.transports.socketInfo(),
      socketError: this.transports.error,
      pipes: this.transports.pipeNames,
      refusals: [...this.refusals],
      vaultAvailable: this.remembered.vaultAvailable(),
    };
  }

  list(): AgentKey[] {
    const remembered = this.remembered.paths();
    return this.deps.agent.list().map((key) => this.toAgentKey(key, remembered));
  }

  async addFile(input: AddFileInput): Promise<AgentKey> {
    const path = requireUserPath(input.path);
    // Refused before the key is loaded, so a refusal changes nothing.
    if (input.storePassphrase) {
      if (!input.remember) throw new AppError('agent.storePassphraseNeedsRemember');
      if (!this.remembered.vaultAvailable()) throw new AppError('agent.vaultUnavailable');
    }
    const info = await this.deps.agent.addFromFile(path, input.passphrase, {
      constraints: {
        ...(input.confirm ? { confirm: true } : {}),
        ...(input.lifetimeSeconds ? { lifetimeSeconds: input.lifetimeSeconds } : {}),
      },
    });
    if (input.remember) {
      this.remembered.remember(path);
      this.remembered.storePassphrase(path, input.storePassphrase ? input.passphrase : undefined);
    }
    // A re-add with other constraints does not change the count: tell the view anyway.
    this.emitChanged();
    return this.toAgentKey(info, this.remembered.paths());
  }

  remove(fingerprint: string, forget = false): void {
    const key = this.deps.agent.list().find((k) => k.fingerprint === fingerprint);
    if (!key) throw new AppError('agent.keyNotFound', { fingerprint });
    if (forget) this.remembered.forget(key.source);
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
    return this.deps.knownHosts.nameOf(fingerprint);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.remembered.stop();
    for (const off of this.unsubscribe.splice(0)) off();
    await this.started?.catch(() => undefined);
    await this.transports.close();
  }

  private emitChanged(): void {
    if (this.disposed) return;
    this.deps.events.emit('agent.changed', { state: this.state(), keys: this.list() });
  }

  /** The store's entry plus what this service knows: whether it loads at start, with a stored passphrase. */
  private toAgentKey(key: AgentKeyInfo, remembered: ReadonlySet<string>): AgentKey {
    const isRemembered = remembered.has(key.source);
    return {
      ...keyInfoOf(key),
      source: key.source,
      addedAt: key.addedAt,
      useCount: key.useCount,
      lastUsedAt: key.lastUsedAt,
      confirm: key.confirm,
      expiresAt: key.expiresAt,
      remembered: isRemembered,
      passphraseStored: isRemembered && this.remembered.hasStoredPassphrase(key.source),
    };
  }
}
