// A restartable one-shot timer: the connect phase is timed, but not while a
// question to the user is open.
export class Deadline {
  private timer: NodeJS.Timeout | undefined;
  private finished = false;

  constructor(
    private readonly ms: number,
    private readonly onExpire: () => void,
  ) {}

  /** (Re)starts the full period; does nothing once stopped for good or if ms <= 0. */
  arm(): void {
    this.disarm();
    if (this.finished || this.ms <= 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.finished = true;
      this.onExpire();
    }, this.ms);
  }

  disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Stops for good: later arm() calls are ignored. */
  stop(): void {
    this.disarm();
    this.finished = true;
  }
}
