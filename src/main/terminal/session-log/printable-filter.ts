// PuTTY's "printable output": what the screen shows as text, without the
// escape sequences (colours, cursor moves, window titles) and control
// characters around it. Line ends (CR, LF) and tabs stay. A small state
// machine after the VT500 parser (vt100.net/emu/dec_ansi_parser), kept across
// chunks, since a sequence may be cut anywhere; it works on bytes, so UTF-8
// text passes through whole and C1 controls arrive as C2 80…C2 9F.

const ESC = 0x1b;
const BEL = 0x07;
const CAN = 0x18;
const SUB = 0x1a;
const DEL = 0x7f;
/** The lead byte of U+0080…U+00BF in UTF-8; U+0080…U+009F are the C1 controls. */
const C2 = 0xc2;
const KEPT_CONTROLS = new Set([0x09, 0x0a, 0x0d]);

type State =
  | 'ground'
  /** After ESC. */
  | 'escape'
  /** ESC followed by intermediates (e.g. `ESC ( B`, a charset). */
  | 'escapeIntermediate'
  /** Control Sequence: parameters, intermediates, a final byte. */
  | 'csi'
  /** OSC, DCS, SOS, PM, APC: a string up to ST (ESC \ or C1 ST), or BEL for OSC. */
  | 'string'
  /** ESC inside a string: `\` ends it, anything else begins a new sequence. */
  | 'stringEscape';

export class PrintableFilter {
  private state: State = 'ground';
  /** A C2 byte whose meaning the next byte decides (C1 control or Latin-1 text). */
  private pendingC2 = false;

  /** The printable part of `chunk`, in a buffer of its own (the caller may reuse `chunk`). */
  push(chunk: Uint8Array): Buffer {
    const out = Buffer.allocUnsafe(chunk.length + 1);
    let n = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (this.pendingC2) {
        this.pendingC2 = false;
        if (byte >= 0x80 && byte <= 0x9f) {
          this.c1(byte);
          continue;
        }
        if (this.state === 'ground') out[n++] = C2;
      }
      if (this.state === 'ground') {
        // The common case: a run of text copied at once.
        let end = i;
        while (end < chunk.length && isText(chunk[end]!)) end++;
        if (end > i) {
          out.set(chunk.subarray(i, end), n);
          n += end - i;
          i = end - 1;
          continue;
        }
        if (byte === C2) this.pendingC2 = true;
        else if (byte === ESC) this.state = 'escape';
        else if (KEPT_CONTROLS.has(byte)) out[n++] = byte;
        // Other C0 controls and DEL (bell, backspace, shift in/out) show nothing.
        continue;
      }
      if (this.inSequence(byte)) continue;
      // C0 controls inside a sequence act as in text (VT500 executes them), except those that end it.
      if (KEPT_CONTROLS.has(byte) && this.state !== 'string') out[n++] = byte;
    }
    return out.subarray(0, n);
  }

  /** One byte of an escape sequence or string; false when it is a control for the caller to keep or drop. */
  private inSequence(byte: number): boolean {
    if (byte === CAN || byte === SUB) {
      this.state = 'ground';
      return true;
    }
    switch (this.state) {
      case 'escape':
        if (byte === ESC || byte === DEL) return true;
        if (byte < 0x20) return false;
        if (byte === C2) {
          this.pendingC2 = true;
          return true;
        }
        if (byte === 0x5b)
          this.state = 'csi'; // [
        else if (byte === 0x5d || byte === 0x50 || byte === 0x58 || byte === 0x5e || byte === 0x5f)
          this.state = 'string'; // ] P X ^ _
        else if (byte >= 0x20 && byte <= 0x2f) this.state = 'escapeIntermediate';
        else this.state = 'ground'; // a final byte: ESC 7, ESC =, ESC M …
        return true;
      case 'escapeIntermediate':
      case 'csi':
        if (byte === ESC) this.state = 'escape';
        else if (byte < 0x20) return false;
        else if (byte === C2) this.pendingC2 = true;
        else if (this.state === 'escapeIntermediate' ? byte >= 0x30 : byte >= 0x40 && byte !== DEL)
          this.state = 'ground';
        return true;
      case 'string':
        if (byte === ESC) this.state = 'stringEscape';
        else if (byte === BEL) this.state = 'ground';
        else if (byte === C2) this.pendingC2 = true;
        return true;
      case 'stringEscape':
        if (byte === 0x5c) {
          this.state = 'ground'; // ESC \ = ST
          return true;
        }
        this.state = 'escape';
        return this.inSequence(byte);
      default:
        return false;
    }
  }

  /** A C1 control (the second byte of C2 80…C2 9F): the 8-bit forms of ESC [, ESC ], ESC P … */
  private c1(byte: number): void {
    if (byte === 0x9b) this.state = 'csi';
    else if (byte === 0x9d || byte === 0x90 || byte === 0x98 || byte === 0x9e || byte === 0x9f)
      this.state = 'string';
    // ST and the other C1 controls (NEL, IND …) show nothing and end any sequence, as anywhere in VT500.
    else this.state = 'ground';
  }
}

function isText(byte: number): boolean {
  return (byte >= 0x20 && byte < DEL) || (byte >= 0x80 && byte !== C2);
}
