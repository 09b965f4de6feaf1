// The headless host's HTTP server: the built renderer and the WebSocket
// bridge, on 127.0.0.1 only, behind the request guard. The token is printed
// in the URL and asked for only as the bridge's first message; no cookie is
// ever set (see bridge-token.ts).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Backend } from '../main/app/backend';
import { CONTENT_SECURITY_POLICY } from '../main/app/csp';
import type { Logger } from '../main/core/log';
import { awaitToken } from './bridge-token';
import { checkRequest, type GuardConfig } from './request-guard';
import { loadStatic } from './static-files';
import { SessionRoutes } from './session-routes';
import { BRIDGE_MAX_PAYLOAD, serveBridge } from './ws-bridge';

export const BRIDGE_PATH = '/bridge';

export interface HostServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function facts(request: IncomingMessage, upgrade: boolean) {
  return {
    host: request.headers.host,
    origin: request.headers.origin,
    upgrade,
  };
}

function refuse(response: ServerResponse, reason: string): void {
  response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`403 Forbidden (${reason})\n`);
}

export async function startHostServer(options: {
  backend: Backend;
  rendererDir: string;
  port: number;
  log: Logger;
  /** How long a new socket has to send the token (tests shorten it). */
  tokenTimeoutMs?: number;
  /** Bytes a socket may have waiting before it is closed (ws-bridge.ts; tests lower it). */
  maxBacklog?: number;
}): Promise<HostServer> {
  const { backend, log } = options;
  const guard: GuardConfig = { port: 0 };
  const token = randomBytes(32).toString('hex');

  const server: Server = createServer((request, response) => {
    const verdict = checkRequest(facts(request, false), guard);
    if (!verdict.allow) return refuse(response, verdict.reason);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405);
      return response.end();
    }
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    void loadStatic(options.rendererDir, path).then((file) => {
      if (!file) {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        return response.end('404\n');
      }
      response.writeHead(200, {
        'Content-Type': file.type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'X-Frame-Options': 'DENY',
        'Cache-Control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : file.body);
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: BRIDGE_MAX_PAYLOAD });
  // A tab that goes away leaves its sessions to the backend's grace time (services/sessions/viewer-grace.ts).
  const routes = new SessionRoutes<WebSocket>((sessionId) => backend.sessions.detach(sessionId));
  server.on('upgrade', (request, socket, head) => {
    const verdict = checkRequest(facts(request, true), guard);
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (!verdict.allow || path !== BRIDGE_PATH) {
      log.warn(`host: refused upgrade (${verdict.allow ? 'path' : verdict.reason})`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) =>
      awaitToken(
        ws,
        token,
        {
          ready: () =>
            serveBridge(ws, {
              dispatcher: backend.dispatcher,
              events: backend.events,
              log,
              routes,
              maxBacklog: options.maxBacklog,
            }),
          refused: (why) => log.warn(`host: closed a bridge socket without the token (${why})`),
        },
        options.tokenTimeoutMs,
      ),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  guard.port = (server.address() as AddressInfo).port;
  return {
    port: guard.port,
    url: `http://127.0.0.1:${guard.port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
