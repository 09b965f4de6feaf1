// The agent on a UNIX socket for ssh, ssh-add, git, VS Code... anything that
// honours SSH_AUTH_SOCK or IdentityAgent. Folder 0700, socket 0600. A socket
// left by a crash is replaced; one with a live agent behind it (another
// instance) is left alone and reported.
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { chmod, lstat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../core/app-error';
import { serveConnection, type ServeOptions } from '../connection';
import type { AgentKeyStore } from '../key-store';
import { AgentSession, type AgentSessionOptions } from '../session';
import {
  chooseSocketPath,
  currentIdentity,
  exportLine,
  identityAgentSnippet,
  preparePrivateDirectory,
  type PlatformIdentity,
} from './socket-path';

export interface UnixAgentServerOptions {
  /** Wished path; the app passes `<data dir>/agent/agent.sock`. */
  path: string;
  store: AgentKeyStore;
  session?: Omit<AgentSessionOptions, 'client'>;
  serve?: Omit<ServeOptions, 'onClose'>;
  identity?: PlatformIdentity;
}

export interface UnixAgentServer {
  /** The effective socket path (may be the short fallback). */
  readonly path: string;
  readonly requestedPath: string;
  readonly fallback: boolean;
  /** `export SSH_AUTH_SOCK='<path>'` */
  readonly exportLine: string;
  /** `IdentityAgent "<path>"` for ~/.ssh/config */
  readonly configSnippet: string;
  readonly connectionCount: number;
  close(): Promise<void>;
}

type Liveness = 'absent' | 'stale' | 'live';

function probe(path: string): Promise<Liveness> {
  return new Promise((resolve) => {
    const socket = createConnection(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve('live');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      socket.destroy();
      // ECONNREFUSED: a socket file nobody listens on, the mark of a crash.
      resolve(error.code === 'ENOENT' ? 'absent' : error.code === 'ECONNREFUSED' ? 'stale' : 'live');
    });
  });
}

async function clearStaleSocket(path: string, uid: number): Promise<void> {
  let info;
  try {
    info = await lstat(path);
  } catch {
    return;
  }
  if (!info.isSocket()) throw new AppError('agent.socketPathUnsafe', { path, reason: 'not a socket' });
  if (uid >= 0 && info.uid !== uid) {
    throw new AppError('agent.socketPathUnsafe', { path, reason: `owned by uid ${info.uid}` });
  }
  const state = await probe(path);
  if (state === 'live') throw new AppError('agent.socketInUse', { path });
  if (state === 'stale') await unlink(path).catch(() => undefined);
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(
        error.code === 'EADDRINUSE'
          ? new AppError('agent.socketInUse', { path })
          : new AppError(
              'agent.socketFailed',
              { path, reason: error.code ?? error.message },
              { cause: error },
            ),
      );
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(path);
  });
}

export async function startUnixAgentServer(options: UnixAgentServerOptions): Promise<UnixAgentServer> {
  if (process.platform === 'win32')
    throw new AppError('agent.platformUnsupported', { feature: 'unix socket' });
  const identity = options.identity ?? currentIdentity();
  const choice = chooseSocketPath(options.path, identity);
  await preparePrivateDirectory(dirname(choice.path), identity.uid);
  await clearStaleSocket(choice.path, identity.uid);

  const sockets = new Set<Socket>();
  // allowHalfOpen: a client may send its request and shut its side; it still gets the answer.
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    const session = new AgentSession(options.store, { ...options.session, client: 'socket' });
    serveConnection(socket, session, { ...options.serve, onClose: () => sockets.delete(socket) });
  });
  server.on('error', () => undefined); // after listen: per-connection errors are handled there
  await listen(server, choice.path);
  // The folder is 0700 already, so the moment before chmod exposes nothing.
  await chmod(choice.path, 0o600);
  const inode = (await lstat(choice.path)).ino;

  let closing: Promise<void> | null = null;
  return {
    path: choice.path,
    requestedPath: choice.requested,
    fallback: choice.fallback,
    exportLine: exportLine(choice.path),
    configSnippet: identityAgentSnippet(choice.path),
    get connectionCount() {
      return sockets.size;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(async () => {
          // libuv unlinks on close; make sure, but never remove a socket another instance put there since.
          try {
            if ((await lstat(choice.path)).ino === inode) await unlink(choice.path);
          } catch {
            // Already gone.
          }
          resolve();
        });
      });
      return closing;
    },
  };
}
