// Terminal sessions: a saved profile or a quick connect → its hops (portal,
// then the backup server through it) → a kept connection per hop (reused for
// new tabs, or a new login: host key, key from the agent, DUO) → a shell,
// streamed as `terminal.data` under the terminal's flow control.
import { randomUUID } from 'node:crypto';
import type { Hop } from '../../../shared/contract/prompts';
import type {
  KeptConnection,
  LiveSession,
  SessionState,
  SessionTarget,
} from '../../../shared/contract/sessions';
import type { ErrorInfo } from '../../../shared/errors';
import type { Profile } from '../../../shared/model/profile';
import { defaultRemoteUser } from '../../../shared/model/settings';
import { StoreAgent, type AgentKeyStore } from '../../agent';
import { AppError, isAppError } from '../../core/app-error';
import { errorCode, stackOf, type Logger } from '../../core/log';
import { requireUserPath } from '../../core/user-path';
import type { EventBus } from '../../contract/event-bus';
import type { PromptService } from '../../prompts/prompt-service';
import { connectSsh } from '../../ssh/connect';
import type { SshConnection } from '../../ssh/connection';
import { forwardThroughPortal } from '../../ssh/jump';
import type { KnownHosts } from '../../ssh/known-hosts';
import type { LookupFn } from '../../ssh/tcp';
import { startSessionLog, type SessionLog } from '../../terminal/session-log/session-log';
import { openShell, type FlowStats, type TerminalSession } from '../../terminal/terminal-session';
import { unlockKeyFileIntoAgent } from '../agent/key-unlock';
import type { ProfileService } from '../profiles/profile-service';
import type { SettingsService } from '../settings/settings-service';
import { KeptConnections, type HopSpec, type KeptEntry } from './kept-connections';
import { hostKeyPrompter, keyboardInteractivePrompter } from './login-prompts';
import { planHops, quickProfile } from './session-plan';
import { VIEWER_GRACE_MS, ViewerGrace } from './viewer-grace';

export interface SessionServiceDeps {
  profiles: ProfileService;
  settings: SettingsService;
  prompts: PromptService;
  events: EventBus;
  knownHosts: KnownHosts;
  agent: AgentKeyStore;
  log: Logger;
  /** Tells the user something that is not an error of one session (e-mail missing). */
  notify?: (notice: ErrorInfo) => void;
  /** Injected in tests; the system resolver otherwise. */
  lookup?: LookupFn;
  /** Session logs go here when the settings name no folder (`<data dir>/logs/sessions`). */
  sessionLogFolder: string;
  /** How long a session nobody shows waits for a view before it is closed (viewer-grace.ts); tests shorten it. */
  viewerGraceMs?: number;
}

interface Session {
  id: string;
  /** What the tab opened: a view that takes the session over opens the same on Retry. */
  target: SessionTarget;
  profile: Profile;
  /** The last state reported, for a view that takes the session over. */
  state: SessionState;
  abort: AbortController;
  entry?: KeptEntry;
  /** Stops listening to the kept connection's close when the session ends first. */
  offClose?: () => void;
  terminal?: TerminalSession;
  /** PuTTY-style session log, when the settings asked for one at the session's start. */
  log?: SessionLog;
  /** The window's size; a resize while connecting applies when the shell opens. */
  size: { cols: number; rows: number };
  ended: boolean;
  /** Automatic reconnect: kept connections only, never a new login. */
  reuseOnly: boolean;
}

function toInfo(error: unknown): ErrorInfo {
  return isAppError(error) ? error.toInfo() : { code: 'internal', params: {} };
}

export class SessionService {
  private readonly sessions = new Map<string, Session>();
  private readonly kept: KeptConnections;
  private readonly grace: ViewerGrace;

  constructor(private readonly deps: SessionServiceDeps) {
    this.grace = new ViewerGrace(deps.viewerGraceMs ?? VIEWER_GRACE_MS, (id) => void this.close(id));
    this.kept = new KeptConnections({
      keepMs: () => deps.settings.get().keepConnectionsMinutes * 60_000,
      onChange: (list) => deps.events.emit('connections.changed', list),
    });
  }

  /** Starts connecting and returns at once; progress arrives as `session.state` events. */
  open(
    target: SessionTarget,
    size: { cols: number; rows: number },
    options: { reuseOnly?: boolean } = {},
  ): { sessionId: string } {
    const profile =
      'profileId' in target ? this.deps.profiles.get(target.profileId) : quickProfile(target.quick);
    if ('profileId' in target) this.deps.profiles.touch(profile.id);
    const id = randomUUID();
    const session: Session = {
      id,
      target,
      profile,
      state: { sessionId: id, profileId: profile.id, state: 'connecting' },
      abort: new AbortController(),
      size,
      ended: false,
      reuseOnly: options.reuseOnly === true,
    };
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

  /** The sessions running now, in the order they were opened: what a window that starts shows again. */
  list(): LiveSession[] {
    const user = defaultRemoteUser(this.deps.settings.get());
    return [...this.sessions.values()].map(({ id, target, profile, state }) => ({
      sessionId: id,
      target,
      profileId: profile.id,
      title: profile.name,
      host: profile.host,
      user: profile.user || user,
      autoReconnect: 'profileId' in target && profile.autoReconnect,
      state,
      viewed: !this.grace.isWaiting(id),
    }));
  }

  /**
   * A new view takes the session over (after a reload, a crash, a closed
   * browser tab): its grace time stops, and what the dead view was handed and
   * will never acknowledge is forgotten, so the output flows again.
   */
  attach(sessionId: string): SessionState {
    const session = this.get(sessionId);
    this.grace.forget(sessionId);
    session.terminal?.viewReset();
    return session.state;
  }

  /**
   * The view that showed the session went away (a browser tab closed, the
   * window's page reloaded or crashed): it is closed after the grace time
   * unless a view attaches it. The desktop window hidden to the tray is no such case.
   */
  detach(sessionId: string): void {
    if (this.sessions.has(sessionId)) this.grace.viewGone(sessionId);
  }

  /** The one window's page went away: every session waits for its next page (detach). */
  detachAll(): void {
    for (const id of this.sessions.keys()) this.grace.viewGone(id);
  }

  /** Stops a login that waits (the phone, a prompt); the tab shows ssh.authCancelled and Retry. */
  cancel(sessionId: string): void {
    this.sessions.get(sessionId)?.abort.abort();
  }

  /** Ends the tab's session; its connection is kept for reuse (see KeptConnections). */
  async close(sessionId: string): Promise<void> {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.sessions.delete(sessionId);
    this.grace.forget(sessionId);
    session.ended = true;
    session.abort.abort();
    await session.terminal?.close();
    await session.log?.close();
    this.releaseConnection(session);
  }

  /** Sessions connecting or connected (a tab's login waiting for DUO counts): what Quit would end. */
  liveCount(): number {
    return this.sessions.size;
  }

  connections(): KeptConnection[] {
    return this.kept.list();
  }

  async closeConnection(id: string): Promise<void> {
    if (!(await this.kept.close(id))) throw new AppError('connection.notFound', { id });
  }

  /** The user chose to replace a changed host key: the next connect asks as for an unknown host. */
  forgetHostKeys(host: string, port: number): void {
    this.deps.knownHosts.forget(host, port);
  }

  async dispose(): Promise<void> {
    this.grace.dispose();
    await Promise.all([...this.sessions.keys()].map((id) => this.close(id)));
    await this.kept.dispose();
  }

  private get(sessionId: string): Session {
    const session = this.sessions.get(sessionId);
    if (!session) throw new AppError('session.notFound', {});
    return session;
  }

  private emitState(session: Session, state: SessionState['state'], extra: Partial<SessionState> = {}): void {
    if (session.ended) return;
    session.state = { sessionId: session.id, profileId: session.profile.id, state, ...extra };
    this.deps.events.emit('session.state', session.state);
  }

  private end(session: Session, extra: Partial<SessionState>): void {
    if (session.ended) return;
    this.emitState(session, 'disconnected', extra);
    session.ended = true;
    // The tab keeps showing "disconnected"; the record is dropped, a reconnect opens a new session.
    this.sessions.delete(session.id);
    this.grace.forget(session.id);
    void session.log?.close();
    this.releaseConnection(session);
  }

  private releaseConnection(session: Session): void {
    session.offClose?.();
    const entry = session.entry;
    session.entry = undefined;
    if (entry) this.kept.release(entry);
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

  /** A new login to one hop: its host key first, then the agent's key, then DUO when the server asks. */
  private async login(
    session: Session,
    spec: HopSpec,
    hop: Hop,
    via: KeptEntry | null,
  ): Promise<SshConnection> {
    const { signal } = session.abort;
    const settings = this.deps.settings.get();
    this.emitState(session, 'connecting', { hop });
    await this.ensureKey(session.profile, signal);
    const sock = via ? await forwardThroughPortal(via.connection, spec.host, spec.port) : undefined;
    const waiting = (deadline: number) =>
      this.emitState(session, 'waitingForApproval', { hop, ...(deadline > 0 ? { deadline } : {}) });
    let deadline = 0;
    return connectSsh({
      host: spec.host,
      port: spec.port,
      username: spec.username,
      auth: {
        type: 'agent',
        agent: new StoreAgent(this.deps.agent, {
          destination: `${spec.username}@${spec.host}:${spec.port}`,
          resolveHostKey: (fingerprint) => this.deps.knownHosts.nameOf(fingerprint),
        }),
      },
      agentForward: spec.agentForward,
      knownHosts: this.deps.knownHosts,
      hostKeyPrompter: hostKeyPrompter(this.deps.prompts, hop),
      keyboardInteractive: keyboardInteractivePrompter(this.deps.prompts, hop, () => waiting(deadline)),
      approvalTimeoutMs: settings.approvalTimeoutSeconds * 1000,
      keepaliveIntervalMs: settings.keepaliveSeconds * 1000,
      sock,
      lookup: this.deps.lookup,
      signal,
      onAuthProgress: (progress) => {
        if (progress.stage === 'hostKeyAccepted') this.emitState(session, 'authenticating', { hop });
        // Autopush: the server says nothing until the phone answers; the wait shows from here.
        if (progress.stage === 'partialSuccess') {
          deadline = progress.deadline;
          waiting(deadline);
        }
      },
    });
  }

  /** The hops in order, each kept or logged in; the last one is the session's. */
  private async reach(session: Session, hops: HopSpec[]): Promise<{ entry: KeptEntry; reused: boolean }> {
    let via: KeptEntry | null = null;
    let reusedAll = true;
    try {
      for (const [index, spec] of hops.entries()) {
        const hop: Hop = {
          role: spec.role,
          host: spec.host,
          port: spec.port,
          index: index + 1,
          count: hops.length,
        };
        const through: KeptEntry | null = via;
        const { entry, reused } = await this.kept.acquire(spec, through, () =>
          session.reuseOnly
            ? Promise.reject(new AppError('session.notKept', {}))
            : this.login(session, spec, hop, through),
        );
        reusedAll &&= reused;
        // The next hop's connection holds the portal by itself; this session lets go of it.
        if (through) this.kept.release(through);
        via = entry;
      }
    } catch (error) {
      if (via) this.kept.release(via);
      throw error;
    }
    return { entry: via!, reused: reusedAll };
  }

  /**
   * The session's log as the settings say at its start. Only output passes the
   * log, never what is typed (write() goes straight to the channel): a password
   * typed at an echo-off prompt never reaches it.
   */
  private startLog(session: Session, target: HopSpec): SessionLog | null {
    return startSessionLog({
      settings: this.deps.settings.get().logging,
      defaultFolder: this.deps.sessionLogFolder,
      target: { host: target.host, port: target.port, profile: session.profile.name },
      onNotice: (notice) => this.deps.notify?.(notice),
    });
  }

  private async connect(session: Session): Promise<void> {
    const { profile } = session;
    const settings = this.deps.settings.get();
    const username = profile.user || defaultRemoteUser(settings);
    try {
      if (!username) throw new AppError('session.userMissing', { profile: profile.name });
      // EMAIL tells the server's command log who works there; connect anyway, but say so.
      if (!settings.email) this.deps.notify?.({ code: 'session.emailMissing', params: {} });
      const hops = planHops(profile, username);
      const { entry, reused } = await this.reach(session, hops);
      if (session.ended) return void this.kept.release(entry);
      session.entry = entry;
      session.log = this.startLog(session, hops.at(-1)!) ?? undefined;
      const terminal = await openShell(entry.connection, {
        ...session.size,
        env: settings.email ? { EMAIL: settings.email } : {},
        sink: (chunk) => {
          session.log?.output(chunk);
          if (!session.ended) this.deps.events.emit('terminal.data', { sessionId: session.id, data: chunk });
        },
      });
      if (session.ended) return void terminal.close();
      session.terminal = terminal;
      // Only now can an acknowledgement of the first output find the terminal.
      terminal.start();
      this.emitState(session, 'connected', { reused, connection: this.kept.describe(entry) });
      terminal.onExit((exit) => this.end(session, exit.code === null ? {} : { exitCode: exit.code }));
      session.offClose = entry.connection.onClose((reason) =>
        this.end(session, reason ? { error: reason.toInfo() } : {}),
      );
    } catch (error) {
      if (!isAppError(error))
        this.deps.log.error('session: connect failed', {
          host: profile.host,
          code: errorCode(error),
          where: stackOf(error),
        });
      this.end(session, { error: toInfo(error) });
    }
  }
}
