// The headless host's contract from Node over the real WebSocket bridge, as
// the page's worker speaks it (Origin, the token first), keeping every frame
// the host sends (results and events, JSON and binary) byte for byte: what the
// renderer would have been given.
import WebSocket from 'ws';
import { createRawApi, unwrapApi, type Api } from '../../../src/shared/contract/api';
import type { CallName, EventName, WireResult } from '../../../src/shared/contract';
import { decodeMessage, encodeMessage, type ServerMessage } from '../../../src/shared/bridge/wire';
import { READY_MESSAGE, tokenMessage } from '../../../src/host/bridge-token';
import type { Place } from './secret-search';

export interface RecordingBridge {
  api: Api;
  /** Every frame from the host after `ready`, named by what it carried (e.g. `event terminal.data`). */
  frames: Place[];
  close(): Promise<void>;
}

export async function connectRecordingBridge(url: string, label: string): Promise<RecordingBridge> {
  const origin = new URL(url).origin;
  const token = new URL(url).searchParams.get('token')!;
  const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/bridge`, { headers: { Origin: origin } });
  const frames: Place[] = [];
  let nextId = 1;
  const pending = new Map<number, (result: WireResult) => void>();
  const listeners = new Set<(name: EventName, payload: unknown) => void>();
  let first = true;
  const readied = new Promise<void>((resolve, reject) => {
    socket.once('open', () => socket.send(tokenMessage(token)));
    socket.once('close', (code) => reject(new Error(`bridge closed (${code})`)));
    socket.once('error', reject);
    socket.on('message', (data: Buffer, isBinary) => {
      if (first) {
        first = false;
        return data.toString() === READY_MESSAGE ? resolve() : reject(new Error('bridge: no ready'));
      }
      const message = decodeMessage(isBinary ? new Uint8Array(data) : data.toString('utf8')) as ServerMessage;
      const what = message.t === 'result' ? `result of call ${message.id}` : `event ${message.name}`;
      frames.push({ name: `${label} frame ${frames.length + 1} (${what})`, bytes: Buffer.from(data) });
      if (message.t === 'result') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else for (const listener of listeners) listener(message.name, message.payload);
    });
  });
  await readied;
  const raw = createRawApi({
    invoke: (name: CallName, input: unknown) =>
      new Promise<WireResult>((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        socket.send(encodeMessage({ t: 'call', id, name, input }));
      }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return {
    api: unwrapApi(raw),
    frames,
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}
