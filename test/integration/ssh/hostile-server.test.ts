// Servers that are not what they claim: a web server on port 22, a flood of
// junk before any SSH banner, garbage after a valid banner. Each ends in one
// readable error, quickly, with bounded memory, and no host key question.
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/app-error';
import { connectSsh } from '../../../src/main/ssh/connect';
import { makeKeyDir, memoryKnownHosts, neverAskPrompter, type KeyDir, type TestKey } from './support';

/** A loopback server that treats every client with `behave`; stops by itself with the test. */
async function hostileServer(
  behave: (socket: Socket) => void,
): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    behave(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

describe('hostile servers', () => {
  let keys: KeyDir;
  let key: TestKey;
  beforeAll(() => {
    keys = makeKeyDir();
    key = keys.make('id');
  });
  afterAll(() => keys.remove());

  async function attempt(port: number, connectTimeoutMs = 8_000) {
    const prompter = neverAskPrompter();
    const started = Date.now();
    const error = await connectSsh({
      host: '127.0.0.1',
      port,
      username: 'techniker',
      auth: { type: 'privateKey', privateKey: key.privateKey },
      knownHosts: memoryKnownHosts().knownHosts,
      hostKeyPrompter: prompter,
      connectTimeoutMs,
    }).then(
      () => new Error('connected to a hostile server'),
      (e: unknown) => e,
    );
    return { error, ms: Date.now() - started, asked: prompter.asked };
  }

  it('a web server answering HTTP: "not an SSH server" with its first line, no host key question', async () => {
    const server = await hostileServer((socket) =>
      socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'),
    );
    try {
      const { error, ms, asked } = await attempt(server.port);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).toInfo()).toEqual({
        code: 'ssh.notSshServer',
        params: { host: '127.0.0.1', port: server.port, reply: 'HTTP/1.1 400 Bad Request' },
      });
      expect(asked).toBe(0);
      expect(ms).toBeLessThan(5_000);
    } finally {
      await server.close();
    }
  });

  it('an endless flood of junk lines and never a banner: stops at the connect timer, memory bounded', async () => {
    const server = await hostileServer((socket) => {
      // Printable junk as fast as the client reads, until the client gives up.
      const pump = () => {
        while (!socket.destroyed) {
          if (!socket.write(`${randomBytes(96).toString('base64')}\r\n`))
            return void socket.once('drain', pump);
        }
      };
      pump();
    });
    const rssBefore = process.memoryUsage().rss;
    try {
      const { error, ms, asked } = await attempt(server.port, 2_000);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('ssh.notSshServer');
      expect(String((error as AppError).params.reply)).toMatch(/^[A-Za-z0-9+/=]{1,80}$/);
      expect(asked).toBe(0);
      expect(ms).toBeGreaterThanOrEqual(1_900);
      expect(ms).toBeLessThan(6_000);
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
    } finally {
      await server.close();
    }
  });

  it('garbage after a valid SSH banner: a protocol error, not "not an SSH server"', async () => {
    const server = await hostileServer((socket) => {
      socket.write('SSH-2.0-OpenSSH_9.2p1\r\n');
      socket.write(randomBytes(4096));
    });
    try {
      const { error, ms, asked } = await attempt(server.port);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('ssh.protocolError');
      expect(asked).toBe(0);
      expect(ms).toBeLessThan(5_000);
    } finally {
      await server.close();
    }
  });

  it('a server that closes at once without a word: a dropped connection, not "not an SSH server"', async () => {
    const server = await hostileServer((socket) => socket.end());
    try {
      const { error, asked } = await attempt(server.port);
      expect((error as AppError).code).toBe('ssh.disconnected');
      expect(asked).toBe(0);
    } finally {
      await server.close();
    }
  });
});
