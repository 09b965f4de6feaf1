// Acknowledges processed terminal bytes to main in batches, so a busy
// stream does not cost one call per chunk, while a trickle is acked at once.
export class AckBatcher {
  private pending = 0;
  private scheduled = false;

  constructor(
    private readonly send: (bytes: number) => void,
    private readonly threshold = 32 * 1024,
  ) {}

  /** Called when xterm.js has processed `bytes`. */
  processed(bytes: number): void {
    this.pending += bytes;
    if (this.pending >= this.threshold) return this.flush();
    if (!this.scheduled) {
      this.scheduled = true;
      setTimeout(() => this.flush(), 0);
    }
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending === 0) return;
    const bytes = this.pending;
    this.pending = 0;
    this.send(bytes);
  }
}
