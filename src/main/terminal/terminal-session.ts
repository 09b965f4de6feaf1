// An interactive shell over an ssh2 session channel, with a pty. Output goes
// to a sink in batches clocked by the view's acknowledgements; the channel is
// paused while a whole batch is held (flow-control.ts), and the SSH window
// follows the slower side (ssh-window.ts).
import type { Client, ClientChannel, ShellOptions } from 'ssh2';
import { AppError } from '../core/app-error';
import { describeCause, mapSshError } from '../ssh/errors';
import { FlowControl, type FlowAction, type FlowControlOptions } from './flow-control';
import { initialSshWindow, SshWindow, type SshWindowOptions } from './ssh-window';

export interface ShellTarget {
  client: Pick<Client, 'shell'>;
  /** For error messages: the host as the user typed it. */
  host: string;
  port: number;
}

export interface OpenShellOptions {
  cols: number;
  rows: number;
  /** $TERM on the server; xterm.js speaks xterm-256color. */
  term?: string;
  /**
   * Environment sent with the session. The vendor's setup sends EMAIL (SendEnv
   * EMAIL) so the server's command log names the person. A server without
   * AcceptEnv drops it silently.
   */
  env?: Record<string, string>;
  /**
   * Receives output in order, in batches, from `start()` on. The receiver must
   * call `ack(batch.length)` once processed: the next batch waits for it (see
   * flow-control.ts).
   */
  sink: (chunk: Buffer) => void;
  flow?: FlowControlOptions;
  window?: SshWindowOptions;
}

export interface ShellExit {
  /** The remote exit status, or null when the shell died by a signal or the channel just closed. */
  code: number | null;
  signal: string | null;
}

export interface FlowStats {
  unacked: number;
  peakUnacked: number;
  paused: boolean;
  sent: number;
  acked: number;
  /** How often the channel was paused: proves flow control engaged. */
  pauses: number;
  /** The SSH window the channel grants now; undefined when ssh2 is not patched (see ssh-window.ts). */
  sshWindow?: number;
}

export class TerminalSession {
  private readonly flow: FlowControl;
  private readonly window: SshWindow;
  private pauses = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  private isClosed = false;
  /** Set by close(): the rest of the output is drained without waiting for acks. */
  private closing = false;
  private exitInfo: ShellExit = { code: null, signal: null };
  private readonly exitListeners = new Set<(exit: ShellExit) => void>();
  /** Resolves when the channel has closed, after the last output reached the sink. */
  readonly exited: Promise<ShellExit>;

  constructor(
    private readonly channel: ClientChannel,
    options: OpenShellOptions,
  ) {
    this.flow = new FlowControl(options.sink, options.flow);
    this.window = new SshWindow(channel, options.window);
    channel.on('exit', (code: number | null, signal?: string) => {
      this.exitInfo = { code: typeof code === 'number' ? code : null, signal: signal ?? null };
    });
    this.exited = new Promise((resolve) => {
      channel.once('close', () => {
        this.isClosed = true;
        clearTimeout(this.typingTimer);
        this.flow.flush();
        for (const listener of this.exitListeners) listener(this.exitInfo);
        this.exitListeners.clear();
        resolve(this.exitInfo);
      });
    });
    // A channel error (e.g. the connection died) ends in 'close' as well; the
    // listener only keeps it from crashing the process.
    channel.on('error', () => {});
  }

  /**
   * Lets output flow to the sink. Until then ssh2 keeps it in the channel
   * (within the SSH window): the owner first makes itself ready to pass the
   * view's acknowledgements on. An acknowledgement that found no terminal was
   * lost, and the batch it answered stayed "in the view" for good, which held
   * all later output (seen when the first output came in the same read as the
   * shell's confirmation). Calling it again does nothing.
   */
  start(): void {
    if (this.started) return;
    this.started = true;
    const onData = (chunk: Buffer) => {
      this.window.received(chunk.length);
      this.apply(this.flow.push(chunk));
      // Closing: nobody will acknowledge, the rest goes as it comes.
      if (this.closing) this.flow.flush();
    };
    this.channel.on('data', onData);
    // With a pty the server merges stderr into stdout, but a channel may still send it.
    this.channel.stderr.on('data', onData);
  }

  /** Keystrokes and pastes, as typed. */
  write(data: string | Buffer): void {
    if (this.isClosed) return;
    this.channel.write(data);
    this.userTyped();
  }

  /** Small batches from now until the user has not typed for a moment (flow-control.ts). */
  private userTyped(): void {
    this.flow.typing(true);
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.flow.typing(false), TYPING_PAUSE_MS);
    // A quiet timer: it must not keep a process (tests, the host) alive.
    this.typingTimer.unref?.();
  }

  resize(cols: number, rows: number): void {
    if (this.isClosed) return;
    if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols < 1 || rows < 1) return;
    this.channel.setWindow(rows, cols, 0, 0);
  }

  /** The view processed `bytes` of output. */
  ack(bytes: number): void {
    this.apply(this.flow.ack(bytes));
  }

  /** A new view took the session over: the dead view's unacknowledged output is forgotten (flow-control.ts). */
  viewReset(): void {
    this.apply(this.flow.viewReset());
  }

  onExit(listener: (exit: ShellExit) => void): () => void {
    if (this.isClosed) {
      listener(this.exitInfo);
      return () => {};
    }
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  /** Closes the channel (the connection stays open); resolves once it is closed. */
  async close(): Promise<ShellExit> {
    if (!this.isClosed && !this.closing) {
      // ssh2 emits 'close' only after the buffered output was read: drain it
      // without flow control, nobody will look at it.
      this.closing = true;
      this.channel.resume();
      this.channel.stderr.resume();
      this.channel.close();
    }
    return this.exited;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  get stats(): FlowStats {
    return {
      ...this.flow.totals,
      unacked: this.flow.unacked,
      peakUnacked: this.flow.peakUnacked,
      paused: this.flow.paused,
      pauses: this.pauses,
      ...(this.window.adapts ? { sshWindow: this.window.size } : {}),
    };
  }

  private apply(action: FlowAction): void {
    if (action === 'pause' && !this.closing) {
      // Paused readable: ssh2 buffers at most one packet (patched) and stops
      // extending the SSH window, so the server stops. Memory stays bounded.
      this.pauses++;
      this.channel.pause();
      this.channel.stderr.pause();
    } else if (action === 'resume' && !this.isClosed && !this.closing) {
      this.window.viewSlower();
      this.channel.resume();
      this.channel.stderr.resume();
    } else if (action === 'caughtUp') {
      this.window.viewWaiting();
    }
  }
}

const DEFAULT_TERM = 'xterm-256color';

/** How long after the last keystroke output still goes in small batches. */
const TYPING_PAUSE_MS = 1000;

/**
 * The environment, and the window the channel opens with: `initialWindow` is
 * our ssh2 patch's (patches/README.md); an unpatched ssh2 ignores it.
 */
function shellChannelOptions(options: OpenShellOptions): ShellOptions {
  const channelOptions: ShellOptions & { initialWindow: number } = {
    env: options.env ?? {},
    initialWindow: initialSshWindow(options.window),
  };
  return channelOptions;
}

/** Opens a shell with a pty. Its output waits for the returned session's `start()`. */
export function openShell(target: ShellTarget, options: OpenShellOptions): Promise<TerminalSession> {
  const { host, port } = target;
  return new Promise((resolve, reject) => {
    try {
      target.client.shell(
        { cols: options.cols, rows: options.rows, term: options.term ?? DEFAULT_TERM, width: 0, height: 0 },
        shellChannelOptions(options),
        (error, channel) => {
          if (error)
            reject(
              new AppError(
                'ssh.channelFailed',
                { host, port, detail: describeCause(error) },
                { cause: error },
              ),
            );
          else resolve(new TerminalSession(channel, options));
        },
      );
    } catch (error) {
      // ssh2 throws "Not connected" synchronously: ssh.disconnected.
      reject(mapSshError(error, { host, port }));
    }
  });
}
