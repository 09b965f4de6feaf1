// SSH wire primitives (RFC 4251 §5): uint32, string, mpint, boolean. The
// reader never reads past its buffer: a short or lying length is a
// ProtocolError the caller turns into FAILURE, never an exception that kills
// the agent.

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

export class SshReader {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  byte(): number {
    if (this.remaining < 1) throw new ProtocolError('truncated byte');
    return this.buf[this.pos++]!;
  }

  boolean(): boolean {
    return this.byte() !== 0;
  }

  uint32(): number {
    if (this.remaining < 4) throw new ProtocolError('truncated uint32');
    const value = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return value;
  }

  /** A length-prefixed byte string. The returned buffer is a view, not a copy. */
  string(): Buffer {
    const length = this.uint32();
    if (length > this.remaining) throw new ProtocolError('truncated string');
    const value = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return value;
  }

  /** A string that must be UTF-8 text (names, comments). */
  text(): string {
    return this.string().toString('utf8');
  }

  /** A non-negative mpint, as big-endian magnitude without leading zeros. */
  mpintUnsigned(): Buffer {
    const raw = this.string();
    if (raw.length > 0 && (raw[0]! & 0x80) !== 0) throw new ProtocolError('negative mpint');
    let start = 0;
    while (start < raw.length && raw[start] === 0) start++;
    return raw.subarray(start);
  }

  rest(): Buffer {
    const value = this.buf.subarray(this.pos);
    this.pos = this.buf.length;
    return value;
  }

  /** Messages must be consumed exactly; trailing bytes mean a confused peer. */
  end(): void {
    if (this.remaining !== 0) throw new ProtocolError('trailing bytes');
  }
}

export class SshWriter {
  private readonly parts: Buffer[] = [];

  byte(value: number): this {
    this.parts.push(Buffer.from([value & 0xff]));
    return this;
  }

  boolean(value: boolean): this {
    return this.byte(value ? 1 : 0);
  }

  uint32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(value >>> 0);
    this.parts.push(b);
    return this;
  }

  string(value: Buffer | string): this {
    const b = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    this.uint32(b.length);
    this.parts.push(b);
    return this;
  }

  /** Encodes a non-negative big-endian magnitude as an SSH mpint. */
  mpint(magnitude: Buffer): this {
    let start = 0;
    while (start < magnitude.length && magnitude[start] === 0) start++;
    const trimmed = magnitude.subarray(start);
    const needsPad = trimmed.length > 0 && (trimmed[0]! & 0x80) !== 0;
    return this.string(needsPad ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
  }

  raw(value: Buffer): this {
    this.parts.push(value);
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}
