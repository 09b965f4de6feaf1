// Requests from the shell (the tray) to the window: open a profile's tab,
// show the agent view. An event alone could be lost, since the window the
// shell opens for it subscribes only once its page has loaded; so requests
// wait here, `window.requested` says one came, and the first window to call
// `window.takeRequests` gets them (a page loading later takes the rest).
import type { WindowRequest } from '../../shared/contract/app';
import type { EventBus } from '../contract/event-bus';

/** Requests nobody took for this long are dropped: a click in the tray is not meant for tomorrow. */
const MAX_AGE_MS = 60_000;
const MAX_WAITING = 20;

export class WindowRequests {
  private waiting: Array<{ request: WindowRequest; at: number }> = [];

  constructor(
    private readonly events: EventBus,
    private readonly now: () => number = Date.now,
  ) {}

  request(request: WindowRequest): void {
    this.waiting = [...this.waiting, { request, at: this.now() }].slice(-MAX_WAITING);
    this.events.emit('window.requested', {});
  }

  take(): WindowRequest[] {
    const fresh = this.waiting.filter((w) => this.now() - w.at <= MAX_AGE_MS).map((w) => w.request);
    this.waiting = [];
    return fresh;
  }
}
