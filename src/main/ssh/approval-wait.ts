// The second step of a login (DUO): its time starts when the server accepted
// the key (with autopush the server says nothing until the phone answers), and
// it ends after a limit the user set, however many prompts came in between.
export class ApprovalWait {
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  /** Epoch milliseconds when the wait ends; 0 before it started or without a limit. */
  deadline = 0;
  /** Keyboard-interactive was tried: a final "all methods failed" is the second step's no. */
  secondStepTried = false;

  constructor(
    private readonly limitMs: number,
    private readonly onTimeout: (seconds: number) => void,
  ) {}

  /** Starts the wait once (later calls keep the first deadline); returns the deadline. */
  start(): number {
    if (!this.started) {
      this.started = true;
      if (this.limitMs > 0) {
        this.deadline = Date.now() + this.limitMs;
        this.timer = setTimeout(() => this.onTimeout(Math.round(this.limitMs / 1000)), this.limitMs);
      }
    }
    return this.deadline;
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
