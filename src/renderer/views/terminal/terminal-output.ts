// Hands a session's output to xterm.js one batch at a time. What arrives while
// xterm.js parses a batch is joined into the next one, written once that batch
// is parsed: idle, a chunk (a keystroke's echo) is written at once; under a
// flood batches grow by themselves. xterm.js parses one write in one go and
// renders between writes, and a frame costs the DOM renderer about as much
// for 1 KB as for 1 MB, so bigger batches mean fewer frames per MB: written
// chunk by chunk, the page rendered 4–5 times more frames per MB than
// xterm.js alone and spent twice its CPU per MB (measured, bench/terminal-browser.ts).
// Each batch is acknowledged once parsed: one `terminal.ack` per batch, which
// returns the flow-control credit to the backend.

/** The part of xterm.js's Terminal this needs. */
export interface OutputTarget {
  write(data: string | Uint8Array, callback?: () => void): void;
}

export class TerminalOutput {
  private queue: Array<Uint8Array | string> = [];
  /** A batch is in xterm.js, not yet parsed. */
  private writing = false;

  constructor(
    private readonly terminal: OutputTarget,
    /** Bytes of session output xterm.js has parsed. */
    private readonly ack: (bytes: number) => void,
  ) {}

  /** Session output; acknowledged once parsed. */
  data(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    this.queue.push(chunk);
    this.flush();
  }

  /** A line of the app's own (a status, an error): shown after the output before it, never acknowledged. */
  text(line: string): void {
    this.queue.push(line);
    this.flush();
  }

  private flush(): void {
    while (this.queue.length > 0) {
      // A line goes to xterm.js as soon as the output before it has (it keeps its writes in order).
      if (typeof this.queue[0] === 'string') {
        this.terminal.write(this.queue.shift() as string);
        continue;
      }
      if (this.writing) return;
      let end = 0;
      let bytes = 0;
      while (end < this.queue.length && typeof this.queue[end] !== 'string')
        bytes += (this.queue[end++] as Uint8Array).byteLength;
      const chunks = this.queue.splice(0, end) as Uint8Array[];
      this.writing = true;
      this.terminal.write(join(chunks, bytes), () => {
        this.writing = false;
        this.ack(bytes);
        this.flush();
      });
    }
  }
}

function join(chunks: Uint8Array[], bytes: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const batch = new Uint8Array(bytes);
  let at = 0;
  for (const chunk of chunks) {
    batch.set(chunk, at);
    at += chunk.byteLength;
  }
  return batch;
}
