// How much the server may send a terminal channel ahead of the view: the SSH
// window, adapted to which side is slower. ssh2 1.17 grants a fixed 2 MiB
// (MAX_WINDOW); under a flood that much was still on its way when the user
// pressed Ctrl+C, and a keystroke's echo queued behind it (160–320 ms measured
// on 2 cores). Through our patch of ssh2 (patches/README.md) the window
// - halves, down to `floor`, each time the view finishes a batch while the
//   channel is paused: the view is the slower side, and whatever the window
//   holds only waits;
// - doubles, up to `ceiling`, each time the view catches up and waits for
//   output: the network or the server is the slower side, and a far server
//   needs round trip × rate in flight (a relay adding 25 ms each way).
import type { ClientChannel } from 'ssh2';

export interface SshWindowOptions {
  floor?: number;
  ceiling?: number;
}

/** The part of a patched ssh2 channel this uses. */
interface WindowedChannel {
  setMaxWindow?: (bytes: number) => void;
}

/** Two SSH packets: the view's batches (flow-control.ts) hold the data the view parses next. */
const DEFAULT_FLOOR = 64 * 1024;
/** ssh2's own MAX_WINDOW: never more than before. */
const DEFAULT_CEILING = 2 * 1024 * 1024;

export class SshWindow {
  private current: number;
  private readonly floor: number;
  private readonly ceiling: number;
  private readonly setMaxWindow: ((bytes: number) => void) | undefined;

  constructor(channel: ClientChannel, options: SshWindowOptions = {}) {
    this.floor = options.floor ?? DEFAULT_FLOOR;
    this.ceiling = options.ceiling ?? DEFAULT_CEILING;
    this.current = this.ceiling;
    const patched = (channel as unknown as WindowedChannel).setMaxWindow;
    // Without the patch (it failed to apply) the channel keeps ssh2's fixed window.
    this.setMaxWindow = typeof patched === 'function' ? patched.bind(channel) : undefined;
    this.setMaxWindow?.(this.current);
  }

  /** The view finished a batch while the channel was paused. */
  viewSlower(): void {
    this.set(Math.max(this.floor, this.current / 2));
  }

  /** The view finished a batch and waits for output. */
  viewWaiting(): void {
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
