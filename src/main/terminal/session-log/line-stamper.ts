// Optional timestamps in a session log: each line begins with the local time
// its first byte arrived. A line begins after LF; a CR alone (a progress bar
// redrawing its line) begins none. The stamp waits for the line's first byte,
// so a log never ends in a stamp without a line.

const LF = 0x0a;

const two = (n: number) => String(n).padStart(2, '0');

/** `[2025-01-31 14:03:05] `, local time as the technician's clock shows it. */
export function formatStamp(date: Date): string {
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  return `[${day} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}] `;
}

export class LineStamper {
  private atLineStart = true;

  constructor(private readonly now: () => Date = () => new Date()) {}

  push(chunk: Buffer): Buffer {
    if (chunk.length === 0) return chunk;
    const parts: Buffer[] = [];
    // One clock reading per chunk: the lines of one chunk arrived together.
    let stamp: Buffer | undefined;
    let start = 0;
    while (start < chunk.length) {
      if (this.atLineStart) {
        stamp ??= Buffer.from(formatStamp(this.now()));
        parts.push(stamp);
        this.atLineStart = false;
      }
      const lf = chunk.indexOf(LF, start);
      const end = lf === -1 ? chunk.length : lf + 1;
      parts.push(chunk.subarray(start, end));
      if (lf !== -1) this.atLineStart = true;
      start = end;
    }
    return Buffer.concat(parts);
  }
}
