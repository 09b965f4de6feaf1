// A connected, authenticated SSH connection: the ssh2 Client plus what we
// learned while connecting, and one place that turns late errors into a
// readable close reason.
import type { Client } from 'ssh2';
import type { AppError } from '../core/app-error';
import type { HostKey } from './host-key';
import { mapSshError, type ErrorContext } from './errors';

export type CloseListener = (error: AppError | undefined) => void;

export class SshConnection {
  private lastError: AppError | undefined;
  private closedByUs = false;
  private isClosed = false;
  private readonly listeners = new Set<CloseListener>();
  /** Resolves once the connection is gone, with the reason unless we closed it. */
  readonly closed: Promise<AppError | undefined>;

  constructor(
    readonly client: Client,
    readonly host: string,
    readonly port: number,
    readonly username: string,
    readonly hostKey: HostKey,
    private readonly context: ErrorContext,
  ) {
    this.closed = new Promise((resolve) => {
      // Why always listen: an 'error' without a listener would crash main.
      client.on('error', (error) => {
        this.lastError = mapSshError(error, this.context);
      });
      client.once('close', () => {
        this.isClosed = true;
        const reason = this.closedByUs
          ? undefined
          : (this.lastError ?? mapSshError(new Error('Connection lost'), this.context));
        for (const listener of this.listeners) listener(reason);
        this.listeners.clear();
        resolve(reason);
      });
    });
  }

  get isOpen(): boolean {
    return !this.isClosed;
  }

  onClose(listener: CloseListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ends the connection politely (SSH disconnect); resolves when the socket is closed. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    this.closedByUs = true;
    this.client.end();
    await this.closed;
  }
}
