// SSH wire format (RFC 4251 §5): byte, boolean, uint32, string, mpint. The one
// reader and writer for key files and the agent protocol alike. Reading is
// bounds-checked and throws WireError: importers turn it into `keys.corrupt`,
// the agent into FAILURE; a short or lying length never crashes either.

export class WireError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireError';
  }
}

/** A big-endian magnitude without its leading zero bytes (a view, not a copy). */
function withoutLeadingZeros(magnitude: Buffer): Buffer {
  let start = 0;
  while (start < magnitude.length && magnitude[start] === 0) start++;
  return magnitude.subarray(start);
}

export class WireReader {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  get offset(): number {
    return this.pos;
  }

  byte(): number {
    if (this.remaining < 1) throw new WireError('truncated byte');
    return this.buf[this.pos++]!;
  }

  boolean(): boolean {
    return this.byte() !== 0;
  }

  uint32(): number {
    if (this.remaining < 4) throw new WireError('truncated uint32');
    const value = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return value;
  }

  /** `length` raw bytes. The returned buffer is a view, not a copy. */
  bytes(length: number): Buffer {
    if (length > this.remaining) throw new WireError('truncated bytes');
    const value = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return value;
  }

  /** A length-prefixed byte string. The returned buffer is a view, not a copy. */
  string(): Buffer {
    const length = this.uint32();
    if (length > this.remaining) throw new WireError('truncated string');
    return this.bytes(length);
  }

  /** A string that must be UTF-8 text (agent names, comments). */
  text(): string {
    return this.string().toString('utf8');
  }

  /** A string that must be printable ASCII (type and cipher names in key files). */
  name(): string {
    const raw = this.string();
    if (raw.length > 256 || !/^[\x21-\x7e]*$/.test(raw.toString('latin1'))) throw new WireError('bad name');
    return raw.toString('latin1');
  }

  /** mpint as an unsigned magnitude without leading zeros (negative values are refused: keys never have them). */
  mpintUnsigned(): Buffer {
    const raw = this.string();
    if (raw.length > 0 && (raw[0]! & 0x80) !== 0) throw new WireError('negative mpint');
    return withoutLeadingZeros(raw);
  }

  rest(): Buffer {
    const value = this.buf.subarray(this.pos);
    this.pos = this.buf.length;
    return value;
  }

  /** Structures must be consumed exactly; trailing bytes mean a confused peer or a damaged file. */
  end(): void {
    if (this.remaining !== 0) throw new WireError('trailing bytes');
  }
}

export class WireWriter {
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

  /** mpint from an unsigned big-endian magnitude (leading zeros stripped, a zero byte added when the top bit is set). */
  mpint(magnitude: Buffer): this {
    const trimmed = withoutLeadingZeros(magnitude);
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

export function bitLength(magnitude: Buffer): number {
  const trimmed = withoutLeadingZeros(magnitude);
  if (trimmed.length === 0) return 0;
  return (trimmed.length - 1) * 8 + (32 - Math.clz32(trimmed[0]!));
}
