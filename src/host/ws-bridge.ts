// The host's side of the WebSocket bridge: every browser tab gets the
// contract's calls and events, as a window gets them over IPC, except other
// tabs' sessions (session-routes.ts). Served only after the token came
// (bridge-token.ts).
import type { WebSocket } from 'ws';
import type { Dispatcher } from '../main/contract/dispatcher';
import type { EventBus } from '../main/contract/event-bus';
import { errorCode, type Logger } from '../main/core/log';
import { decodeMessage, encodeMessage, type ClientMessage } from '../shared/bridge/wire';
import type { SessionRoutes } from './session-routes';

const MAX_MESSAGE = 2 * 1024 * 1024;

/**
 * What a socket may have waiting to go out (ws's `bufferedAmount`) before it
 * is closed. A tab that reads keeps far less: per session the backend sends at
 * most two unacknowledged batches of 512 KiB (terminal/flow-control.ts), and the
 * page's worker reads at once. A tab that does not read (paused in the
 * debugger, a frozen machine's browser) would otherwise hold every session's
 * output in the host's memory: 188 MB for a 200 MB flood, measured.
 */
export const MAX_BACKLOG = 16 * 1024 * 1024;

export interface BridgeDeps {
  dispatcher: Dispatcher;
  events: EventBus;
  log: Logger;
  routes: SessionRoutes<WebSocket>;
  maxBacklog?: number;
}

export function serveBridge(socket: WebSocket, deps: BridgeDeps): void {
  const { dispatcher, events, log, routes, maxBacklog = MAX_BACKLOG } = deps;
  let dropped = false;
  let closed = false;
  const send = (message: Parameters<typeof encodeMessage>[0]) => {
    if (dropped || socket.readyState !== socket.OPEN) return;
    socket.send(encodeMessage(message));
    if (socket.bufferedAmount <= maxBacklog) return;
    // Not close(): its frame would wait behind the backlog the peer does not read.
    dropped = true;
    unsubscribe();
    log.warn('bridge: a socket did not keep up, closing it', { bytes: socket.bufferedAmount });
    socket.terminate();
  };
  const unsubscribe = events.subscribe((name, payload) => {
    if (routes.wants(socket, name, payload)) send({ t: 'event', name, payload });
    routes.noteEvent(socket, name, payload);
  });
  socket.on('message', (data, isBinary) => {
    let message: ClientMessage;
    try {
      const raw = Buffer.isBuffer(data)
        ? data
        : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
      message = decodeMessage(isBinary ? new Uint8Array(raw) : raw.toString('utf8')) as ClientMessage;
      if (message?.t !== 'call' || typeof message.id !== 'number') throw new Error('not a call');
    } catch (error) {
      log.warn('bridge: malformed message, closing', { code: errorCode(error) });
      socket.close(1003, 'malformed');
      return;
    }
    const { id, name, input } = message;
    void dispatcher.invoke(name, input).then((result) => {
      routes.noteResult(socket, name, input, result);
      // The tab went away while the call ran: a session it just opened or attached has no view.
      if (closed) routes.release(socket);
      send({ t: 'result', id, result });
    });
  });
  socket.on('close', () => {
    closed = true;
    unsubscribe();
    routes.release(socket);
  });
  socket.on('error', (error) => log.warn('bridge: socket error', { code: errorCode(error) }));
}

export const BRIDGE_MAX_PAYLOAD = MAX_MESSAGE;
