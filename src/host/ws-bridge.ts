// The host's side of the WebSocket bridge: every browser tab gets the
// contract's calls and events, exactly as a window gets them over IPC.
// Served only after the token came (bridge-token.ts).
import type { WebSocket } from 'ws';
import type { Dispatcher } from '../main/contract/dispatcher';
import type { EventBus } from '../main/contract/event-bus';
import type { Logger } from '../main/core/log';
import { decodeMessage, encodeMessage, type ClientMessage } from '../shared/bridge/wire';

const MAX_MESSAGE = 2 * 1024 * 1024;

export function serveBridge(socket: WebSocket, dispatcher: Dispatcher, events: EventBus, log: Logger): void {
  const send = (message: Parameters<typeof encodeMessage>[0]) => {
    if (socket.readyState === socket.OPEN) socket.send(encodeMessage(message));
  };
  const unsubscribe = events.subscribe((name, payload) => send({ t: 'event', name, payload }));
  socket.on('message', (data, isBinary) => {
    let message: ClientMessage;
    try {
      const raw = Buffer.isBuffer(data)
        ? data
        : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
      message = decodeMessage(isBinary ? new Uint8Array(raw) : raw.toString('utf8')) as ClientMessage;
      if (message?.t !== 'call' || typeof message.id !== 'number') throw new Error('not a call');
    } catch (error) {
      log.warn('bridge: malformed message, closing', String(error));
      socket.close(1003, 'malformed');
      return;
    }
    void dispatcher
      .invoke(message.name, message.input)
      .then((result) => send({ t: 'result', id: message.id, result }));
  });
  socket.on('close', unsubscribe);
  socket.on('error', (error) => log.warn('bridge socket error', String(error)));
}

export const BRIDGE_MAX_PAYLOAD = MAX_MESSAGE;
