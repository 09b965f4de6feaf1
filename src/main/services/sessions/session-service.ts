// Terminal sessions of saved profiles: connect (host key and passphrase
// questions go through the prompt service), open a shell, and stream its
// output as `terminal.data` events under the terminal's flow control.
import { randomUUID } from 'node:crypto';
import type { KeptConnection, SessionState, SessionTarget } from '../../../shared/contract/sessions';
import type { ErrorInfo } from '../../../shared/errors';
import type { Profile } from '../../../shared/model/profile';
import { defaultRemoteUser } from '../../../shared/model/settings';
import { StoreAgent, type AgentKeyStore } from '../../agent';
import { unlockKeyFileIntoAgent } from '../agent/key-unlock';
import { AppError, isAppError } from '../../core/app-error';
import { requireUserPath } from '../../core/user-path';
import type { Logger } from '../../core/log';
import type { EventBus } from '../../contract/event-bus';
import type { ProfileService } from '../profiles/profile-service';
import type { PromptService } from '../../prompts/prompt-service';
import type { SettingsService } from '../settings/settings-service';
import { connectSsh } from '../../ssh/connect';
import type { SshConnection } from '../../ssh/connection';
import type { KnownHosts } from '../../ssh/known-hosts';
import type { HostKeyPrompter } from '../../ssh/prompters';
import type { LookupFn } from '../../ssh/tcp';
import { openShell, type FlowStats, type TerminalSession } from '../../terminal/terminal-session';

export interface SessionServiceDeps {
  profiles: ProfileService;
  settings: SettingsService;
  prompts: PromptService;
  events: EventBus;
  knownHosts: KnownHosts;
  agent: AgentKeyStore;
  log: Logger;
  /** Injected in tests; the system resolver otherwise. */
  lookup?: LookupFn;
}

interface Session {
  id: string;
  profile: Profile;
  abort: AbortController;
  connection?: SshConnection;
  terminal?: TerminalSession;
  /** The window's size; a resize while connecting applies when the shell opens. */
  size: { cols: number; rows: number };
  ended: boolean;
}

function toInfo(error: unknown): ErrorInfo {
  return isAppError(error) ? error.toInfo() : { code: 'internal', params: {} };
}

export class SessionService {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly deps: SessionServiceDeps) {}

  cancel(_sessionId: string): void {}
  connections(): KeptConnection[] {
    return [];
  }
  async closeConnection(_id: string): Promise<void> {}
  forgetHostKeys(_host: string, _port: number): void {}

  /** Starts connecting and returns at once; progress arrives as `session.state` events. */
  open(target: SessionTarget, size: { cols: number; rows: number }): { sessionId: string } {
    if (!('profileId' in target)) throw new AppError('profile.notFound', {});
    const profile = this.deps.profiles.get(target.profileId);
    const session: Session = { id: randomUUID(), profile, abort: new AbortController(), size, ended: false };
    this.sessions.set(session.id, session);
    // Start after the caller has the id, so no event arrives for an unknown session.
    setImmediate(() => void this.connect(session));
    return { sessionId: session.id };
  }

  write(sessionId: string, data: string): void {
    this.get(sessionId).terminal?.write(data);
  }

  resize(sessionId: string, cols: number, rows: number): void {
    const session = this.get(sessionId);
    session.size = { cols, rows };
    session.terminal?.resize(cols, rows);
  }

  ack(sessionId: string, bytes: number): void {
    this.sessions.get(sessionId)?.terminal?.ack(bytes);
  }

  /** Flow-control counters of a session's terminal (tests, diagnostics). */
  flowStats(sessionId: string): FlowStats | undefined {
    return this.sessions.get(sessionId)?.terminal?.stats;
  }

  async close(sessionId: string): Promise<void> {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.sessions.delete(sessionId);
    session.ended = true;
    session.abort.abort();
    await session.terminal?.close();
    await session.connection?.close();
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.close(id)));
  }

  private get(sessionId: string): Session {
    const session = this.sessions.get(sessionId);
    if (!session) throw new AppError('session.notFound', {});
    return session;
  }

  private emitState(session: Session, state: SessionState['state'], extra: Partial<SessionState> = {}): void {
    this.deps.events.emit('session.state', {
      sessionId: session.id,
      profileId: session.profile.id,
      state,
      ...extra,
    });
  }

  private end(session: Session, extra: Partial<SessionState>): void {
    if (session.ended) return;
    session.ended = true;
    this.emitState(session, 'disconnected', extra);
    // The tab keeps showing "disconnected"; the record is dropped, a reconnect opens a new session.
    this.sessions.delete(session.id);
  }

  private hostKeyPrompter(): HostKeyPrompter {
    return {
      decide: async ({ host, port, keyType, fingerprint, signal }) =>
        (
          await this.deps.prompts.ask(
            { kind: 'hostKey', host, port, keyType, fingerprint },
            { kind: 'hostKey', decision: 'cancel' },
            signal,
          )
        ).decision,
    };
  }

  /** The profile's own key, or the default key, is unlocked into the agent once. */
  private async ensureKey(profile: Profile, signal: AbortSignal): Promise<void> {
    const { agent, prompts, settings } = this.deps;
    // A locked agent offers no keys: say so instead of a bare "login failed".
    if (agent.locked) throw new AppError('agent.locked', {});
    if (profile.keyPath) {
      await unlockKeyFileIntoAgent(requireUserPath(profile.keyPath), agent, prompts, signal);
      return;
    }
    if (agent.list().length > 0) return;
    const fallback = settings.get().defaultKeyPath;
    if (fallback) await unlockKeyFileIntoAgent(requireUserPath(fallback), agent, prompts, signal);
    else throw new AppError('agent.noKeys', {});
  }

  private async connect(session: Session): Promise<void> {
    const { profile } = session;
    const settings = this.deps.settings.get();
    const username = profile.user || defaultRemoteUser(settings);
    try {
      if (!username) throw new AppError('session.userMissing', { profile: profile.name });
      this.emitState(session, 'connecting');
      await this.ensureKey(profile, session.abort.signal);
      const destination = `${username}@${profile.host}:${profile.port}`;
      const connection = await connectSsh({
        host: profile.host,
        port: profile.port,
        username,
        auth: { type: 'agent', agent: new StoreAgent(this.deps.agent, { destination }) },
        knownHosts: this.deps.knownHosts,
        hostKeyPrompter: this.hostKeyPrompter(),
        lookup: this.deps.lookup,
        signal: session.abort.signal,
        onAuthProgress: (progress) => {
          if (progress.stage === 'hostKeyAccepted') this.emitState(session, 'authenticating');
        },
      });
      if (session.ended) return void connection.close();
      session.connection = connection;
      const terminal = await openShell(connection, {
        ...session.size,
        env: settings.email ? { EMAIL: settings.email } : {},
        sink: (chunk) => {
          if (!session.ended) this.deps.events.emit('terminal.data', { sessionId: session.id, data: chunk });
        },
      });
      session.terminal = terminal;
      this.emitState(session, 'connected');
      terminal.onExit((exit) => {
        this.end(session, exit.code === null ? {} : { exitCode: exit.code });
        void connection.close();
      });
      connection.onClose((reason) => this.end(session, reason ? { error: reason.toInfo() } : {}));
    } catch (error) {
      if (!isAppError(error)) this.deps.log.error(`session ${profile.host}: connect failed`, error);
      this.end(session, { error: toInfo(error) });
    }
  }
}
