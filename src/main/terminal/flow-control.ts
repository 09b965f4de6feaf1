// Output from the SSH channel to the terminal view, in batches clocked by the
// view's acknowledgements (xterm.js acks a batch once it has parsed it):
// - while the view has nothing outstanding, a chunk goes at once (a
//   keystroke's echo waits for nothing);
// - while the view parses a batch, what arrives is held and goes as one batch
//   when that batch is acknowledged, or earlier once half a batch is held, so
//   the view finds the next batch there when it finishes (never more than
//   one waits in it). Under a flood batches grow to what the view parses per
//   turn, and it renders one frame per batch instead of one per chunk (a
//   frame costs the DOM renderer about as much for 1 KB as for 1 MB);
// - once `maxBatch` is held, the channel is paused: ssh2 stops extending the
//   SSH window and the server stops, so memory stays bounded whatever it sends
//   (a peer's terminal grew to many GB under heavy output);
// - while the user types, batches are small (`typing()`), so the echo of a
//   key typed into a flood is not parsed at the end of a large batch.
// Pure: no I/O, no timers; the caller wires the channel and the view.

export interface FlowControlOptions {
  /** Held output at which the channel is paused; also the largest batch but one chunk. */
  maxBatch?: number;
  /** The same while the user types (see `typing()`). */
  typingBatch?: number;
}

/**
 * 512 KiB: a batch is parsed in about 10–20 ms and rendered as one frame
 * (measured in bench/terminal-browser.ts). Larger batches gain little
 * throughput and make a keystroke's echo wait behind more output.
 */
const DEFAULT_MAX_BATCH = 512 * 1024;

/**
 * 64 KiB while the user types: a keystroke's echo comes in a small batch the
 * view parses and shows at once, instead of at the end of half a megabyte.
 * Small batches cost throughput (more frames, more acknowledgements), so they
 * are used only while someone types into a flood.
 */
const DEFAULT_TYPING_BATCH = 64 * 1024;

/**
 * What the caller must do with the channel after an update. When the view
 * finishes a batch: `resume` if a full batch was held meanwhile (the view is
 * the slower side), else `caughtUp` (the output came slower than the view parses).
 */
export type FlowAction = 'pause' | 'resume' | 'caughtUp' | 'none';

export class FlowControl {
  private readonly watchingBatch: number;
  private readonly typingBatch: number;
  /** The batch size in force: `watchingBatch`, or `typingBatch` while the user types. */
  private batch: number;
  private held: Buffer[] = [];
  private heldBytes = 0;
  /** Handed to the view, not yet acknowledged. */
  private inView = 0;
  /** The size of the last batch handed over: while the view holds no more, it parses that one only. */
  private lastBatch = 0;
  private isPaused = false;
  private peak = 0;
  private sentTotal = 0;

  constructor(
    private readonly deliver: (batch: Buffer) => void,
    options: FlowControlOptions = {},
  ) {
    this.watchingBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
    this.typingBatch = Math.min(options.typingBatch ?? DEFAULT_TYPING_BATCH, this.watchingBatch);
    if (!(this.typingBatch > 0)) throw new RangeError('flow control needs batches > 0');
    this.batch = this.watchingBatch;
  }

  /** Held output at which the channel is paused now. */
  get maxBatch(): number {
    return this.batch;
  }

  /** The user types (true) or has stopped typing (false): small batches, or large ones again. */
  typing(active: boolean): void {
    this.batch = active ? this.typingBatch : this.watchingBatch;
  }

  /** A chunk from the channel. */
  push(chunk: Buffer): FlowAction {
    if (chunk.length === 0) return 'none';
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    this.sentTotal += chunk.length;
    if (this.viewWants()) this.flush();
    this.peak = Math.max(this.peak, this.unacked);
    if (!this.isPaused && this.heldBytes >= this.batch) {
      this.isPaused = true;
      return 'pause';
    }
    return 'none';
  }

  /**
   * The view processed `bytes`. Untrusted input (it crosses IPC): nonsense is
   * ignored and over-acknowledgement is capped at what the view was given, so
   * a buggy renderer can neither drive the count negative nor unpause forever.
   */
  ack(bytes: number): FlowAction {
    if (!Number.isFinite(bytes) || bytes <= 0) return 'none';
    this.inView -= Math.min(bytes, this.inView);
    const drained = this.inView === 0;
    if (this.viewWants()) this.flush();
    if (this.isPaused && this.heldBytes < this.batch) {
      this.isPaused = false;
      return 'resume';
    }
    return drained ? 'caughtUp' : 'none';
  }

  /**
   * The view that held the output is gone (a reloaded or crashed window, a
   * closed browser tab) and a new one takes the session over. What was handed
   * to the dead view will never be acknowledged: it counts as acknowledged, so
   * the session does not stay paused for good, and what is held goes to the
   * new view at once. The new view starts with nothing outstanding.
   */
  viewReset(): FlowAction {
    this.inView = 0;
    this.lastBatch = 0;
    if (this.viewWants()) this.flush();
    if (this.isPaused && this.heldBytes < this.batch) {
      this.isPaused = false;
      return 'resume';
    }
    return 'none';
  }

  /**
   * The view takes what is held at once when it has nothing left, and a
   * second batch of at least half the size while it parses one: the next
   * batch is there when it finishes, so it never waits for a round trip.
   */
  private viewWants(): boolean {
    if (this.heldBytes === 0) return false;
    return this.inView === 0 || (this.inView <= this.lastBatch && this.heldBytes >= this.batch / 2);
  }

  /** Hands over whatever is held without waiting (the channel is closing). */
  flush(): void {
    if (this.heldBytes === 0) return;
    const batch = this.held.length === 1 ? this.held[0]! : Buffer.concat(this.held, this.heldBytes);
    this.held = [];
    this.inView += this.heldBytes;
    this.lastBatch = this.heldBytes;
    this.heldBytes = 0;
    this.deliver(batch);
  }

  /** Received from the channel and not yet acknowledged by the view (held or in the view). */
  get unacked(): number {
    return this.heldBytes + this.inView;
  }

  /** Highest unacknowledged count seen: what the tests bound. */
  get peakUnacked(): number {
    return this.peak;
  }

  get paused(): boolean {
    return this.isPaused;
  }

  get totals(): { sent: number; acked: number } {
    // Every acknowledged byte was sent first (over-acks are capped).
    return { sent: this.sentTotal, acked: this.sentTotal - this.unacked };
  }
}
