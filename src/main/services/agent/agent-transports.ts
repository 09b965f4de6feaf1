// How other programs reach the agent: the UNIX socket (ssh, ssh-add, git) or,
// on Windows, the pipes of Windows' OpenSSH and of Pageant. A transport that
// fails to start is reported as a notice and in the state; the app goes on.
import { userInfo } from 'node:os';
import type { AgentStateInfo } from '../../../shared/contract/agent';
import type { ErrorInfo } from '../../../shared/errors';
import {
  loadWindowsPlatform,
  openSshPipeName,
  pageantPipeName,
  pipeIdentityAgentSnippet,
  startPipeAgentServer,
  startUnixAgentServer,
  type AgentKeyStore,
  type PipeAgentServer,
  type UnixAgentServer,
  type WindowsPlatform,
} from '../../agent';
import { isAppError } from '../../core/app-error';
import { errorCode, stackOf, type Logger } from '../../core/log';

export interface AgentTransportOptions {
  /** Wished UNIX socket path; none = no socket. Ignored on Windows. */
  socketPath?: string;
  /** Windows: serve pipes (the Pageant name needs the platform's native calls). */
  windows?: { pipes: boolean; platform?: WindowsPlatform };
}

export interface AgentTransportDeps {
  store: AgentKeyStore;
  log: Logger;
  notify: (notice: ErrorInfo) => void;
  /** Names a host from a session-bind host key, for confirm prompts. */
  resolveHostKey: (fingerprint: string) => string | undefined;
}

export class AgentTransports {
  private socket: UnixAgentServer | null = null;
  private pipes: PipeAgentServer[] = [];
  private closed = false;
  /** Why the socket (or the pipes) could not start. */
  error: ErrorInfo | null = null;
  pipeNames: AgentStateInfo['pipes'] = null;

  constructor(private readonly deps: AgentTransportDeps) {}

  /** The socket's effective path, or null when none runs. */
  get socketPath(): string | null {
    return this.socket?.path ?? null;
  }

  socketInfo(): AgentStateInfo['socket'] {
    const socket = this.socket;
    return socket
      ? { path: socket.path, exportLine: socket.exportLine, configSnippet: socket.configSnippet }
      : null;
  }

  async start(options: AgentTransportOptions): Promise<void> {
    if (process.platform === 'win32') {
      if (options.windows?.pipes) await this.startPipes(options.windows.platform);
      return;
    }
    if (options.socketPath) await this.startSocket(options.socketPath);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([this.socket?.close(), ...this.pipes.map((p) => p.close())]);
    this.socket = null;
    this.pipes = [];
  }

  private async startSocket(path: string): Promise<void> {
    const { store, log, resolveHostKey } = this.deps;
    try {
      const server = await startUnixAgentServer({
        path,
        store,
        session: { sourceLabel: 'ssh-add', resolveHostKey },
        serve: { onBug: this.onBug },
      });
      if (this.closed) return void (await server.close());
      this.socket = server;
      log.info('agent: socket', { path: server.path, ...(server.fallback ? { reason: 'fallback' } : {}) });
    } catch (error) {
      this.fail(error, path);
      log.warn('agent: no socket', { code: this.error?.code ?? errorCode(error), path });
    }
  }

  // TODO(windows): not run on Windows yet (see agent/transport/windows).
  private async startPipes(platform?: WindowsPlatform): Promise<void> {
    const { store, log, notify, resolveHostKey } = this.deps;
    const names = { openSsh: null as string | null, pageant: null as string | null };
    const serve = async (pipePath: string, sourceLabel: string) => {
      this.pipes.push(
        await startPipeAgentServer({
          pipePath,
          store,
          sourceLabel,
          session: { resolveHostKey },
          serve: { onBug: this.onBug },
        }),
      );
      return pipePath;
    };
    // Pageant's pipe name needs native calls (koffi); without them PuTTY tools
    // cannot find us, but Windows' OpenSSH still can.
    platform ??= await loadWindowsPlatform().catch((error: unknown) => {
      log.warn('agent: Windows API unavailable, no Pageant pipe', { code: errorCode(error) });
      if (isAppError(error)) notify(error.toInfo());
      return undefined;
    });
    try {
      names.openSsh = await serve(openSshPipeName(userInfo().username), 'ssh-add');
      if (platform) names.pageant = await serve(pageantPipeName(platform), 'Pageant client');
    } catch (error) {
      this.fail(error, 'pipe');
    }
    this.pipeNames = {
      ...names,
      configSnippet: names.openSsh ? pipeIdentityAgentSnippet(names.openSsh) : null,
    };
  }

  /** A bug of ours while serving a client (the connection is closed): to the log, without the message. */
  private readonly onBug = (error: unknown, messageType: number): void => {
    this.deps.log.error('agent: bug while serving a message', {
      type: messageType,
      code: errorCode(error),
      where: stackOf(error),
    });
  };

  private fail(error: unknown, path: string): void {
    this.error = isAppError(error)
      ? error.toInfo()
      : { code: 'agent.socketFailed', params: { path, reason: String(error) } };
    this.deps.notify(this.error);
  }
}
