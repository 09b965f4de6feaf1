import { describe, expect, it } from 'vitest';
import { TerminalOutput, type OutputTarget } from '../../../src/renderer/views/terminal/terminal-output';

/** A stand-in for xterm.js: keeps writes until the test says they were parsed. */
function fakeTerminal() {
  const writes: Array<{ data: string | Uint8Array; parsed?: () => void }> = [];
  const target: OutputTarget = { write: (data, parsed) => void writes.push({ data, parsed }) };
  const text = (data: string | Uint8Array) =>
    typeof data === 'string' ? data : new TextDecoder().decode(data);
  return {
    target,
    writes,
    shown: () => writes.map((w) => text(w.data)),
    /** xterm.js parses the oldest write that waits for it. */
    parseNext() {
      const next = writes.find((w) => w.parsed);
      const parsed = next!.parsed!;
      next!.parsed = undefined;
      parsed();
    },
  };
}
const bytes = (s: string) => new TextEncoder().encode(s);

describe('TerminalOutput', () => {
  it('writes a chunk at once when xterm.js is idle (a keystroke echo waits for nothing)', () => {
    const term = fakeTerminal();
    const acks: number[] = [];
    const output = new TerminalOutput(term.target, (n) => acks.push(n));
    output.data(bytes('a'));
    expect(term.shown()).toEqual(['a']);
    term.parseNext();
    expect(acks).toEqual([1]);
  });

  it('joins what arrives while a batch is parsed into one write, acknowledged once', () => {
    const term = fakeTerminal();
    const acks: number[] = [];
    const output = new TerminalOutput(term.target, (n) => acks.push(n));
    output.data(bytes('first'));
    for (const part of ['b', 'cd', 'efg']) output.data(bytes(part));
    expect(term.writes).toHaveLength(1);
    term.parseNext();
    expect(term.shown()).toEqual(['first', 'bcdefg']);
    expect(acks).toEqual([5]);
    term.parseNext();
    expect(acks).toEqual([5, 6]);
  });

  it("keeps the app's own lines after the output that came before them, without acknowledging them", () => {
    const term = fakeTerminal();
    const acks: number[] = [];
    const output = new TerminalOutput(term.target, (n) => acks.push(n));
    output.data(bytes('one'));
    output.data(bytes('two'));
    output.text('[getrennt]');
    output.data(bytes('three'));
    expect(term.shown()).toEqual(['one']);
    term.parseNext();
    expect(term.shown()).toEqual(['one', 'two', '[getrennt]']);
    term.parseNext();
    expect(term.shown()).toEqual(['one', 'two', '[getrennt]', 'three']);
    term.parseNext();
    expect(acks).toEqual([3, 3, 5]);
  });

  it('ignores empty chunks', () => {
    const term = fakeTerminal();
    const output = new TerminalOutput(term.target, () => {});
    output.data(new Uint8Array(0));
    expect(term.writes).toHaveLength(0);
  });
});
