// Appends a session's log to its file without ever holding up the terminal:
// `write` only queues, one async loop writes. At the size cap the file is
// closed and the next one begun (`name-2.log`, …). The first failure (folder
// not writable, disk full) is reported once and ends logging for this
// session; the session itself goes on. A disk slower than the output does not
// grow memory without bound: past the backlog limit output is left out of the
// log, and the log says how much.
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { createLogFile, type LogFile } from './log-file';

export interface LogWriteFailure {
  /** The file (or, before one existed, the name it was to have). */
  file: string;
  /** The system's words, e.g. "ENOSPC: no space left on device, write". */
  detail: string;
}

export interface LogWriterOptions {
  folder: string;
  /** The first file's name; later files get a counter. */
  name: string;
  /** A file is closed and the next one begun before it would grow past this. */
  maxBytes: number;
  /** The first line of every file (PuTTY's `=~=~=~= PuTTY log …` line). */
  header?: (file: { counter: number }) => Buffer;
  /** Called at most once; logging has stopped when it is. */
  onError: (failure: LogWriteFailure) => void;
  /** Bytes held while the disk is behind; default 8 MiB. */
  maxBacklogBytes?: number;
}

const DEFAULT_BACKLOG_BYTES = 8 * 1024 * 1024;

export class LogWriter {
  private queue: Buffer[] = [];
  private queued = 0;
  /** Output left out while the backlog was full, not yet said in the log. */
  private dropped = 0;
  private file: LogFile | undefined;
  private size = 0;
  private headerBytes = 0;
  private stopped = false;
  private closing = false;
  private running: Promise<void> | undefined;
  private readonly maxBacklog: number;

  constructor(private readonly options: LogWriterOptions) {
    this.maxBacklog = options.maxBacklogBytes ?? DEFAULT_BACKLOG_BYTES;
    // The file exists from the session's start, as PuTTY's does, even before any output.
    this.kick();
  }

  /** The file written now; undefined until it is created, or after a failure. */
  get path(): string | undefined {
    return this.stopped ? undefined : this.file?.path;
  }

  /** Queues `data`; it must not be changed afterwards (the caller passes a copy of what it reuses). */
  write(data: Buffer): void {
    if (this.stopped || this.closing || data.length === 0) return;
    if (this.queued + data.length > this.maxBacklog) {
      this.dropped += data.length;
      return;
    }
    this.queue.push(data);
    this.queued += data.length;
    this.kick();
  }

  /** Writes what is queued, then closes the file. Never rejects. */
  async close(): Promise<void> {
    this.closing = true;
    while (this.running) await this.running;
    const handle = this.file?.handle;
    this.file = undefined;
    await handle?.close().catch(() => {});
  }

  private kick(): void {
    if (this.running || this.stopped) return;
    this.running = this.drain().then(() => {
      this.running = undefined;
      // Data queued between the loop's last look and now.
      if (this.queue.length > 0 || this.dropped > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    try {
      if (!this.file) await this.begin(1);
      while (!this.stopped && (this.queue.length > 0 || this.dropped > 0)) {
        const batch = this.queue;
        this.queue = [];
        this.queued = 0;
        if (this.dropped > 0) {
          batch.unshift(
            Buffer.from(`\r\n[Fernwartung: ${this.dropped} bytes not logged, the disk was behind]\r\n`),
          );
          this.dropped = 0;
        }
        await this.writeBatch(batch);
      }
    } catch (error) {
      await this.fail(error);
    }
  }

  private async writeBatch(batch: Buffer[]): Promise<void> {
    let pending: Buffer[] = [];
    for (let data of batch) {
      while (data.length > 0) {
        const room = this.options.maxBytes - this.size;
        if (data.length > room && this.size > this.headerBytes) {
          // Rather a new file than a chunk cut in two (it may end inside a character).
          await this.writeAll(pending);
          pending = [];
          await this.next();
          continue;
        }
        // Only a chunk larger than a whole file is cut.
        const part = data.subarray(0, Math.max(1, room));
        pending.push(part);
        this.size += part.length;
        data = data.subarray(part.length);
      }
    }
    await this.writeAll(pending);
  }

  private async writeAll(buffers: Buffer[]): Promise<void> {
    if (buffers.length === 0 || !this.file) return;
    const data = buffers.length === 1 ? buffers[0]! : Buffer.concat(buffers);
    await writeFully(this.file.handle, data);
  }

  private async begin(counter: number): Promise<void> {
    const { folder, name, header } = this.options;
    this.file = await createLogFile(folder, name, counter);
    const first = header?.({ counter: this.file.counter });
    this.size = 0;
    this.headerBytes = first?.length ?? 0;
    if (first) {
      await writeFully(this.file.handle, first);
      this.size = first.length;
    }
  }

  private async next(): Promise<void> {
    const current = this.file!;
    this.file = undefined;
    await current.handle.close();
    await this.begin(current.counter + 1);
  }

  private async fail(error: unknown): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.queue = [];
    this.queued = 0;
    const file = this.file?.path ?? join(this.options.folder, this.options.name);
    await this.file?.handle.close().catch(() => {});
    this.file = undefined;
    try {
      this.options.onError({ file, detail: error instanceof Error ? error.message : String(error) });
    } catch {
      // A failing listener must not turn a log problem into a crash.
    }
  }
}

async function writeFully(handle: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    offset += bytesWritten;
  }
}
