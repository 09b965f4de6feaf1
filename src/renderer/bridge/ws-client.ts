// The browser side of the headless host: implements `window.fernwartung`
// over a WebSocket to the host, which runs the same backend as Electron.
// The host sets an HttpOnly cookie, so the socket needs no token here.
import { createRawApi, type RawApi, type Transport } from '../../shared/contract/api';
import type { CallName, EventName, WireResult } from '../../shared/contract';
import { decodeMessage, encodeMessage, type ServerMessage } from '../../shared/bridge/wire';

const lost: WireResult = { ok: false, error: { code: 'bridge.disconnected', params: {} } };

export async function connectWebSocketBridge(url: string, onClose?: () => void): Promise<RawApi> {
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('bridge connection failed')), { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, (result: WireResult) => void>();
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  socket.addEventListener('message', (event: MessageEvent<string | ArrayBuffer>) => {
    const data = typeof event.data === 'string' ? event.data : new Uint8Array(event.data);
    const message = decodeMessage(data) as ServerMessage;
    if (message.t === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else {
      for (const listener of listeners) listener(message.name, message.payload);
    }
  });
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) resolve(lost);
    pending.clear();
    onClose?.();
  });
  const transport: Transport = {
    invoke(name: CallName, input: unknown) {
      if (socket.readyState !== WebSocket.OPEN) return Promise.resolve(lost);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(encodeMessage({ t: 'call', id, name, input }));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return createRawApi(transport);
}
