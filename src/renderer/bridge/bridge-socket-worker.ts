// The bridge's WebSocket, owned by a worker. Chromium hands a WebSocket's
// frames over on the thread that owns the socket: owned by the page, a frame
// of terminal output could only come in while xterm.js was not parsing, so
// receiving and parsing took turns (the page waited 12 ms per batch, plus
// 19 ms per MiB, measured). Here frames arrive while the page parses, and go
// to it as transferred ArrayBuffers (no copy). Keystrokes take the other way.
// The socket's first message is the token; the host answers `ready` before
// anything else (src/host/bridge-token.ts), and only then is the bridge open.
import type { FromSocket, ToSocket } from './bridge-socket-messages';

const scope = self as unknown as {
  postMessage(message: FromSocket, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToSocket>) => void) | null;
};

const READY = '{"t":"ready"}';

let socket: WebSocket | undefined;

scope.onmessage = ({ data }) => {
  if (data.kind === 'send') {
    socket?.send(data.frame);
    return;
  }
  let ready = false;
  socket = new WebSocket(data.url);
  socket.binaryType = 'arraybuffer';
  socket.onopen = () => socket?.send(JSON.stringify({ t: 'token', token: data.token }));
  socket.onerror = () => scope.postMessage({ kind: 'error' });
  socket.onclose = () => scope.postMessage({ kind: 'close' });
  socket.onmessage = ({ data: frame }: MessageEvent<string | ArrayBuffer>) => {
    if (!ready) {
      ready = frame === READY;
      if (ready) scope.postMessage({ kind: 'open' });
      else socket?.close();
      return;
    }
    scope.postMessage({ kind: 'frame', frame }, typeof frame === 'string' ? [] : [frame]);
  };
};
