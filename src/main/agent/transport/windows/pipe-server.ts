// The agent on Windows named pipes: one for OpenSSH (`IdentityAgent`, or
// SSH_AUTH_SOCK for Git for Windows' ssh), one under Pageant's name for
// PuTTY, WinSCP, FileZilla. Same protocol, same store.
//
// Access: Node cannot pass a security descriptor for a pipe. libuv creates it
// with the default DACL (full access for the creator/owner, SYSTEM and
// Administrators; read-only for Everyone, which cannot send a request), and
// with FILE_FLAG_FIRST_PIPE_INSTANCE, so a name another process already holds
// fails with EADDRINUSE instead of being shared — a squatter cannot sit in
// front of us. PuTTY checks that the pipe's owner is the current user; ours is.
// TODO(windows): verify the above on Windows (not run there yet). A client SID
// check cannot be hooked in here: Node does not expose a pipe's HANDLE on
// Windows; options in docs/WINDOWS.md ("Restricting the pipe").
import { createServer, type Server, type Socket } from 'node:net';
import { AppError } from '../../../core/app-error';
import { serveConnection, type ServeOptions } from '../../connection';
import type { AgentKeyStore } from '../../key-store';
import { AgentSession, type AgentSessionOptions } from '../../session';
import { PIPE_PREFIX } from './pageant-pipe-name';

export interface PipeAgentServerOptions {
  /** Full pipe path `\\.\pipe\<name>`. */
  pipePath: string;
  store: AgentKeyStore;
  /** Shown as the key source when a client adds a key. */
  sourceLabel?: string;
  session?: Omit<AgentSessionOptions, 'client' | 'sourceLabel'>;
  serve?: Omit<ServeOptions, 'onClose'>;
  /** Only for tests on other systems: skip the platform check. */
  platform?: NodeJS.Platform;
}

export interface PipeAgentServer {
  readonly pipePath: string;
  close(): Promise<void>;
}

export async function startPipeAgentServer(options: PipeAgentServerOptions): Promise<PipeAgentServer> {
  // Elsewhere a `\\.\pipe\...` path would become a socket file in the cwd.
  if ((options.platform ?? process.platform) !== 'win32') {
    throw new AppError('agent.platformUnsupported', { feature: 'named pipe' });
  }
  if (!options.pipePath.startsWith(PIPE_PREFIX)) {
    throw new AppError('agent.socketFailed', { path: options.pipePath, reason: 'not a pipe path' });
  }
  const sockets = new Set<Socket>();
  const server: Server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    const session = new AgentSession(options.store, {
      ...options.session,
      client: 'socket',
      sourceLabel: options.sourceLabel ?? 'pipe',
    });
    serveConnection(socket, session, { ...options.serve, onClose: () => sockets.delete(socket) });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new AppError('agent.pipeInUse', { name: options.pipePath })
          : new AppError('agent.socketFailed', {
              path: options.pipePath,
              reason: error.code ?? error.message,
            }),
      ),
    );
    server.listen(options.pipePath, () => resolve());
  });
  server.on('error', () => undefined);
  return {
    pipePath: options.pipePath,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
