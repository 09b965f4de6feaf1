// The browser side of the headless host: implements `window.fernwartung`
// over a WebSocket to the host, which runs the same backend as Electron.
// The socket's first message is the host's token (page-token.ts keeps it for
// the tab). The socket itself lives in a worker (bridge-socket-worker.ts), so
// output keeps arriving while xterm.js parses.
import { createRawApi, type RawApi, type Transport } from '../../shared/contract/api';
import type { CallName, EventName, WireResult } from '../../shared/contract';
import { decodeMessage, encodeMessage, type ServerMessage } from '../../shared/bridge/wire';
import type { FromSocket, ToSocket } from './bridge-socket-messages';
import { takeBridgeToken } from './page-token';

const lost: WireResult = { ok: false, error: { code: 'bridge.disconnected', params: {} } };

export async function connectWebSocketBridge(url: string, onClose?: () => void): Promise<RawApi> {
  const token = takeBridgeToken();
  if (!token) throw new Error('no token: open the address the host printed (FERNWARTUNG_URL)');
  const worker = new Worker(new URL('./bridge-socket-worker.ts', import.meta.url), { type: 'module' });
  const tell = (message: ToSocket) => worker.postMessage(message);
  let open = false;
  let nextId = 1;
  const pending = new Map<number, (result: WireResult) => void>();
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  const receive = (frame: string | ArrayBuffer) => {
    const message = decodeMessage(typeof frame === 'string' ? frame : new Uint8Array(frame)) as ServerMessage;
    if (message.t === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else {
      for (const listener of listeners) listener(message.name, message.payload);
    }
  };
  await new Promise<void>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<FromSocket>) => {
      if (data.kind === 'frame') return receive(data.frame);
      if (data.kind === 'open') {
        open = true;
        return resolve();
      }
      if (!open) {
        worker.terminate();
        return reject(new Error('bridge connection failed'));
      }
      if (data.kind === 'close') {
        open = false;
        worker.terminate();
        for (const resolveCall of pending.values()) resolveCall(lost);
        pending.clear();
        onClose?.();
      }
    };
    tell({ kind: 'connect', url, token });
  });
  const transport: Transport = {
    invoke(name: CallName, input: unknown) {
      if (!open) return Promise.resolve(lost);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        tell({ kind: 'send', frame: encodeMessage({ t: 'call', id, name, input }) });
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return createRawApi(transport);
}
