// Merges bursts of small output chunks into fewer, larger ones (one IPC
// message and one xterm.js write each) without delaying keystroke echo: a
// chunk arriving after a quiet spell goes out at once; only chunks arriving
// within `maxDelayMs` of the previous delivery wait, and never longer.

export interface CoalescerOptions {
  /** Longest time a chunk is held back. */
  maxDelayMs?: number;
  /** Deliver at once when this much is pending. */
  maxBytes?: number;
}

const DEFAULT_COALESCE_DELAY_MS = 4;
const DEFAULT_COALESCE_BYTES = 64 * 1024;

export class OutputCoalescer {
  private readonly maxDelayMs: number;
  private readonly maxBytes: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Set while a burst is in progress: later chunks wait for it. */
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(
    private readonly deliver: (chunk: Buffer) => void,
    options: CoalescerOptions = {},
  ) {
    this.maxDelayMs = options.maxDelayMs ?? DEFAULT_COALESCE_DELAY_MS;
    this.maxBytes = options.maxBytes ?? DEFAULT_COALESCE_BYTES;
  }

  push(chunk: Buffer): void {
    if (this.disposed || chunk.length === 0) return;
    if (this.timer === undefined) {
      // Idle: no reason to wait (this is the echo of a keystroke).
      this.deliver(chunk);
      this.startWindow();
      return;
    }
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= this.maxBytes) this.flush();
  }

  /** Delivers whatever is pending now. */
  flush(): void {
    if (this.pendingBytes === 0) return;
    const chunk =
      this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.deliver(chunk);
  }

  /** Flushes and stops; later pushes are dropped. */
  dispose(): void {
    this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.disposed = true;
  }

  private startWindow(): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.pendingBytes > 0) {
        // Still busy: deliver the burst and keep batching.
        this.flush();
        this.startWindow();
      }
    }, this.maxDelayMs);
  }
}
