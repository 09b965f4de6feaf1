// Serves one stream (UNIX socket, named pipe) with an AgentSession:
// framing, strictly ordered replies, backpressure, and two fatal rules — a
// message over 256 KiB closes this connection and no other, and so does a
// bug of ours while serving (reported through `onBug`, never answered as if
// the client had sent something malformed).
import type { Duplex } from 'node:stream';
import { FrameDecoder, frame } from './protocol/framing';
import { MAX_MESSAGE_LENGTH } from './protocol/constants';
import type { AgentSession } from './session';

export interface ServeOptions {
  maxMessageLength?: number;
  /** Requests waiting for their turn before the stream is paused. */
  maxQueued?: number;
  onClose?: (reason: CloseReason) => void;
  /**
   * An exception that is not a refusal of the client's input: a bug. The
   * connection is closed. Default: a process warning (message type and
   * error, never the message body).
   */
  onBug?: (error: unknown, messageType: number) => void;
}

export type CloseReason = 'end' | 'oversize' | 'error' | 'bug';

function warnBug(error: unknown, messageType: number): void {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
  process.emitWarning(`agent: bug while serving message type ${messageType}: ${what}`, 'AgentBugWarning');
}

export function serveConnection(stream: Duplex, session: AgentSession, options: ServeOptions = {}): void {
  const decoder = new FrameDecoder(options.maxMessageLength ?? MAX_MESSAGE_LENGTH);
  const maxQueued = options.maxQueued ?? 32;
  const queue: Buffer[] = [];
  let working = false;
  let closed = false;
  // The client may half-close after its last request (allowHalfOpen): answer, then end.
  let ended = false;
  const endIfDone = () => {
    if (ended && !working && queue.length === 0 && !stream.destroyed) stream.end();
  };
  let reason: CloseReason = 'end';
  const onBug = options.onBug ?? warnBug;

  const finish = () => {
    if (closed) return;
    closed = true;
    for (const body of queue) body.fill(0);
    queue.length = 0;
    options.onClose?.(reason);
  };

  const pump = async () => {
    if (working) return;
    working = true;
    try {
      while (queue.length > 0 && !closed) {
        const body = queue.shift()!;
        const messageType = body[0] ?? -1;
        let reply: Buffer;
        try {
          reply = await session.handle(body);
        } catch (error) {
          reason = 'bug';
          onBug(error, messageType);
          stream.destroy();
          finish();
          break;
        } finally {
          // The body may have carried a private key or a lock passphrase.
          body.fill(0);
        }
        if (closed || stream.destroyed) break;
        stream.write(frame(reply));
        if (queue.length < maxQueued / 2 && stream.isPaused()) stream.resume();
      }
    } finally {
      working = false;
    }
    endIfDone();
  };

  stream.on('data', (chunk: Buffer) => {
    if (closed) return;
    const { frames, oversize } = decoder.push(chunk);
    queue.push(...frames);
    if (oversize) {
      reason = 'oversize';
      stream.destroy();
      finish();
      return;
    }
    if (queue.length >= maxQueued) stream.pause();
    pump().catch((error: unknown) => {
      reason = 'bug';
      onBug(error, -1);
      stream.destroy();
      finish();
    });
  });
  stream.on('error', () => {
    reason = 'error';
    stream.destroy();
  });
  stream.on('end', () => {
    ended = true;
    endIfDone();
  });
  stream.on('close', finish);
}
