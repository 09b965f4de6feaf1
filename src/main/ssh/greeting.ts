// What a server said first, to tell "this is not an SSH server" (a web server
// on port 22, a wrong port) from a connection that merely dropped. ssh2 only
// reports "connection lost before handshake" or a bad packet in those cases.
import type { Duplex } from 'node:stream';

const KEEP = 256;
const SHOWN = 80;

/**
 * Starts watching `socket` (attach in the same tick as ssh2 does, so no data
 * is missed). The returned function gives the server's first line when it
 * spoke but not SSH, and null when it said nothing or sent an SSH banner.
 */
export function watchGreeting(socket: Duplex): () => string | null {
  let seen = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    // Copy only what is kept, not the whole (up to 64 KiB) chunk.
    seen = Buffer.concat([seen, chunk.subarray(0, KEEP - seen.length)]);
    if (seen.length >= KEEP) socket.off('data', onData);
  };
  socket.on('data', onData);
  return () => {
    socket.off('data', onData);
    const text = seen.toString('latin1');
    if (text.length === 0 || text.includes('SSH-')) return null;
    const firstLine = text.split(/\r?\n/)[0] ?? '';
    // Only printable characters reach the message: the reply is untrusted.
    return firstLine.replace(/[^\x20-\x7e]/g, '?').slice(0, SHOWN);
  };
}
