// Credit-based flow control between the SSH channel and the terminal view.
// The backend counts bytes handed on but not yet acknowledged by the view
// (xterm.js acks after parsing). Above the high-water mark the channel is
// paused, which makes ssh2 stop extending the SSH window, so the server
// stops sending; below the low-water mark it resumes. Without this a peer's
// terminal grew to many GB under heavy output. Pure: no I/O, no timers.

export interface FlowControlOptions {
  /** Pause when this many bytes are unacknowledged. */
  highWaterMark?: number;
  /** Resume when acknowledgements bring the count to or below this. */
  lowWaterMark?: number;
}

const DEFAULT_HIGH_WATER_MARK = 256 * 1024;
const DEFAULT_LOW_WATER_MARK = 64 * 1024;

/** What the caller must do after an update. */
export type FlowAction = 'pause' | 'resume' | 'none';

export class FlowControl {
  readonly highWaterMark: number;
  readonly lowWaterMark: number;
  private unackedBytes = 0;
  private peak = 0;
  private isPaused = false;
  private sentTotal = 0;

  constructor(options: FlowControlOptions = {}) {
    this.highWaterMark = options.highWaterMark ?? DEFAULT_HIGH_WATER_MARK;
    this.lowWaterMark = options.lowWaterMark ?? DEFAULT_LOW_WATER_MARK;
    if (!(this.highWaterMark > 0) || !(this.lowWaterMark >= 0) || this.lowWaterMark >= this.highWaterMark)
      throw new RangeError('flow control needs 0 <= lowWaterMark < highWaterMark');
  }

  /** Bytes came from the channel and are now the view's to acknowledge. */
  sent(bytes: number): FlowAction {
    if (!Number.isFinite(bytes) || bytes <= 0) return 'none';
    this.unackedBytes += bytes;
    this.sentTotal += bytes;
    if (this.unackedBytes > this.peak) this.peak = this.unackedBytes;
    if (!this.isPaused && this.unackedBytes >= this.highWaterMark) {
      this.isPaused = true;
      return 'pause';
    }
    return 'none';
  }

  /**
   * The view processed `bytes`. Untrusted input (it crosses IPC): nonsense
   * is ignored and over-acknowledgement is capped, so a buggy renderer can
   * neither drive the count negative nor unpause forever.
   */
  ack(bytes: number): FlowAction {
    if (!Number.isFinite(bytes) || bytes <= 0) return 'none';
    const credited = Math.min(bytes, this.unackedBytes);
    this.unackedBytes -= credited;
    if (this.isPaused && this.unackedBytes <= this.lowWaterMark) {
      this.isPaused = false;
      return 'resume';
    }
    return 'none';
  }

  get unacked(): number {
    return this.unackedBytes;
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
    return { sent: this.sentTotal, acked: this.sentTotal - this.unackedBytes };
  }
}
