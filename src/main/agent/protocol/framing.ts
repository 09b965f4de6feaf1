// Framing: every agent message is uint32 length || body. The decoder collects
// bytes from a stream and yields whole bodies; a length above the limit is
// reported once so the connection can be closed (as OpenSSH does) instead of
// buffering an attacker-chosen amount.
import { MAX_MESSAGE_LENGTH } from './constants';

export type FrameResult = { frames: Buffer[]; oversize: boolean };

export class FrameDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private broken = false;

  constructor(private readonly maxLength: number = MAX_MESSAGE_LENGTH) {}

  push(chunk: Buffer): FrameResult {
    if (this.broken) return { frames: [], oversize: true };
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Buffer[] = [];
    while (this.pending.length >= 4) {
      const length = this.pending.readUInt32BE(0);
      if (length > this.maxLength) {
        this.broken = true;
        this.pending = Buffer.alloc(0);
        return { frames, oversize: true };
      }
      if (this.pending.length < 4 + length) break;
      // Copy so a frame never pins a large shared chunk (and so callers may wipe it).
      frames.push(Buffer.from(this.pending.subarray(4, 4 + length)));
      this.pending = this.pending.subarray(4 + length);
    }
    return { frames, oversize: false };
  }

  /** Bytes of an unfinished frame still buffered. */
  get buffered(): number {
    return this.pending.length;
  }
}

export function frame(body: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt32BE(body.length);
  return Buffer.concat([header, body]);
}
