// How much the server may send a terminal channel ahead of the view: the SSH
// window, adapted to which side is slower. ssh2 1.17 grants a fixed 2 MiB
// (MAX_WINDOW); under a flood that much was still on its way when the user
// pressed Ctrl+C, and a keystroke's echo queued behind it (160–320 ms measured
// on 2 cores). Through our patch of ssh2 (patches/README.md) the channel
// opens with `start` and the window
// - halves, down to `floor`, each time the view finishes a batch while the
//   channel is paused: the view is the slower side, and whatever the window
//   holds only waits;
// - doubles, up to `ceiling`, each time the view catches up and waits for
//   output while a stream of at least half a window is coming in: the network or the server is the slower side, and a far server
//   needs round trip × rate in flight (a relay adding 25 ms each way).
// A view that waits for a shell's echo or a prompt says nothing about the
// network: output with pauses of `QUIET_MS` between it does not count. The
// window grew to the ceiling from such waits before, so the first flood after
// a typed command came with 2 MiB ahead of the next keystroke's echo (the
// server had been granted them, and a grant cannot be taken back).
// (The window the server has left is no measure: ssh2 extends it on every
// packet, so it looks half full while the server waits a round trip.)
import type { ClientChannel } from 'ssh2';

export interface SshWindowOptions {
  floor?: number;
  ceiling?: number;
  /** The window the channel opens with (`initialSshWindow`). */
  start?: number;
}

/** The part of a patched ssh2 channel this uses. */
interface WindowedChannel {
  setMaxWindow?: (bytes: number) => void;
}

/** Two SSH packets: the view's batches (flow-control.ts) hold the data the view parses next. */
const DEFAULT_FLOOR = 64 * 1024;
/** ssh2's own MAX_WINDOW: never more than before. */
const DEFAULT_CEILING = 2 * 1024 * 1024;
/**
 * 256 KiB to start: little ahead of a keystroke's echo when a flood starts,
 * and two doublings from what a server 50 ms away needs at 10 MB/s.
 */
const DEFAULT_START = 256 * 1024;
/** Output after a pause this long starts a new stream (longer than a far server's round trip). */
const QUIET_MS = 500;

/** The window a terminal channel opens with (ssh2's `initialWindow`, patched). */
export function initialSshWindow(options: SshWindowOptions = {}): number {
  const floor = options.floor ?? DEFAULT_FLOOR;
  const ceiling = options.ceiling ?? DEFAULT_CEILING;
  return Math.min(ceiling, Math.max(floor, options.start ?? DEFAULT_START));
}

export class SshWindow {
  private current: number;
  private readonly floor: number;
  private readonly ceiling: number;
  private readonly setMaxWindow: ((bytes: number) => void) | undefined;
  private readonly now: () => number;
  /** Output streamed in since the last quiet pause. */
  private streamed = 0;
  private lastOutputAt = -Infinity;

  constructor(channel: ClientChannel, options: SshWindowOptions = {}, now: () => number = Date.now) {
    this.floor = options.floor ?? DEFAULT_FLOOR;
    this.ceiling = options.ceiling ?? DEFAULT_CEILING;
    this.current = initialSshWindow(options);
    this.now = now;
    const patched = (channel as unknown as WindowedChannel).setMaxWindow;
    // Without the patch (it failed to apply) the channel keeps ssh2's fixed window.
    this.setMaxWindow = typeof patched === 'function' ? patched.bind(channel) : undefined;
    this.setMaxWindow?.(this.current);
  }

  /** `bytes` of output arrived. */
  received(bytes: number): void {
    const at = this.now();
    if (at - this.lastOutputAt >= QUIET_MS) this.streamed = 0;
    this.lastOutputAt = at;
    this.streamed += bytes;
  }

  /** The view finished a batch while the channel was paused. */
  viewSlower(): void {
    this.set(Math.max(this.floor, this.current / 2));
  }

  /** The view finished a batch and waits for output. */
  viewWaiting(): void {
    if (this.streamed < this.current / 2) return;
    this.set(Math.min(this.ceiling, this.current * 2));
  }

  get size(): number {
    return this.current;
  }

  get adapts(): boolean {
    return this.setMaxWindow !== undefined;
  }

  private set(bytes: number): void {
    if (bytes === this.current) return;
    this.current = bytes;
    this.setMaxWindow?.(bytes);
  }
}
