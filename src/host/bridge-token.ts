// The bridge's first exchange: the page proves it was opened from the URL the
// host printed by sending the token as the socket's first message; the host
// answers `ready` and only then serves calls and events. No cookie: browsers
// send `127.0.0.1` cookies to every port, so any other local web server the
// browser visits would receive one. The page's side: src/renderer/bridge/.
import { timingSafeEqual } from 'node:crypto';
import type { RawData, WebSocket } from 'ws';

/** Long enough for a busy page to start its worker, short enough that a stranger's socket does not linger. */
export const TOKEN_TIMEOUT_MS = 5000;
/** Close code for a socket without the right token in time (1008: policy violation). */
export const CLOSE_NO_TOKEN = 1008;
/** The host's answer to the right token: a text frame, before any other message. */
export const READY_MESSAGE = '{"t":"ready"}';

export function tokenMessage(token: string): string {
  return JSON.stringify({ t: 'token', token });
}

export function sameToken(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

/** True when `data` is a text frame `{"t":"token","token":<the token>}`. */
export function carriesToken(data: RawData, isBinary: boolean, token: string): boolean {
  if (isBinary) return false;
  try {
    const message = JSON.parse(toBuffer(data).toString('utf8')) as { t?: unknown; token?: unknown } | null;
    return message?.t === 'token' && sameToken(message.token, token);
  } catch {
    return false;
  }
}

/**
 * Calls `on.ready` once the socket's first message carries the token (after
 * sending `ready`), synchronously, so a call right behind the token in the
 * same packet is not missed; otherwise closes the socket. Nothing else is read
 * from the socket meanwhile.
 */
export function awaitToken(
  socket: WebSocket,
  token: string,
  on: { ready: () => void; refused: (why: 'wrong' | 'late') => void },
  timeoutMs = TOKEN_TIMEOUT_MS,
): void {
  const stop = () => {
    clearTimeout(timer);
    socket.off('message', onMessage);
    socket.off('close', stop);
  };
  const onMessage = (data: RawData, isBinary: boolean) => {
    stop();
    if (!carriesToken(data, isBinary, token)) {
      socket.close(CLOSE_NO_TOKEN, 'token');
      return on.refused('wrong');
    }
    socket.send(READY_MESSAGE);
    on.ready();
  };
  const timer = setTimeout(() => {
    stop();
    socket.close(CLOSE_NO_TOKEN, 'token');
    on.refused('late');
  }, timeoutMs);
  socket.on('message', onMessage);
  socket.once('close', stop);
}
