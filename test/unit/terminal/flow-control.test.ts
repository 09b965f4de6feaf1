import { describe, expect, it } from 'vitest';
import { FlowControl } from '../../../src/main/terminal/flow-control';

function flowWith(maxBatch: number) {
  const batches: string[] = [];
  const flow = new FlowControl((batch) => batches.push(batch.toString()), { maxBatch });
  return { flow, batches };
}
const b = (s: string) => Buffer.from(s);

describe('FlowControl', () => {
  it('hands a chunk over at once while the view has nothing outstanding (a keystroke echo waits for nothing)', () => {
    const { flow, batches } = flowWith(100);
    expect(flow.push(b('a'))).toBe('none');
    expect(batches).toEqual(['a']);
    flow.ack(1);
    flow.push(b('b'));
    expect(batches).toEqual(['a', 'b']);
  });

  it('holds what arrives while the view parses and hands it over as one batch on the acknowledgement', () => {
    const { flow, batches } = flowWith(100);
    flow.push(b('first'));
    flow.push(b('b'));
    flow.push(b('cd'));
    expect(batches).toEqual(['first']);
    expect(flow.unacked).toBe(8);
    // A partial acknowledgement (a view acking as it goes) does not release the next batch yet.
    flow.ack(3);
    expect(batches).toEqual(['first']);
    flow.ack(2);
    expect(batches).toEqual(['first', 'bcd']);
    expect(flow.totals).toEqual({ sent: 8, acked: 5 });
  });

  it('hands a second batch over once half a batch is held, never a third while the view parses', () => {
    const { flow, batches } = flowWith(10);
    flow.push(b('x'.repeat(8)));
    flow.push(b('y'.repeat(4)));
    expect(batches).toEqual(['xxxxxxxx']);
    flow.push(b('y'));
    expect(batches).toEqual(['xxxxxxxx', 'yyyyy']);
    flow.push(b('z'.repeat(6)));
    expect(batches).toHaveLength(2);
    // The first batch parsed: the next one waits in the view, so the held one goes.
    expect(flow.ack(8)).toBe('none');
    expect(batches).toEqual(['xxxxxxxx', 'yyyyy', 'zzzzzz']);
  });

  it('uses the small batch while the user types, and the large one again after', () => {
    const batches: string[] = [];
    const flow = new FlowControl((batch) => batches.push(batch.toString()), {
      maxBatch: 100,
      typingBatch: 10,
    });
    flow.push(b('x'.repeat(40)));
    flow.typing(true);
    expect(flow.maxBatch).toBe(10);
    // Half a small batch held while the view parses one: handed over at once.
    flow.push(b('y'.repeat(5)));
    expect(batches).toEqual(['x'.repeat(40), 'yyyyy']);
    // A small batch held: paused, where 100 bytes would have been taken while watching.
    flow.push(b('z'.repeat(4)));
    expect(flow.push(b('z'.repeat(6)))).toBe('pause');
    expect(flow.ack(45)).toBe('resume');
    flow.typing(false);
    expect(flow.maxBatch).toBe(100);
    flow.push(b('w'.repeat(60)));
    expect(flow.paused).toBe(false);
    // The typing batch never exceeds the large one.
    expect(new FlowControl(() => {}, { maxBatch: 8 }).maxBatch).toBe(8);
    const small = new FlowControl(() => {}, { maxBatch: 8, typingBatch: 64 });
    small.typing(true);
    expect(small.maxBatch).toBe(8);
  });

  it('pauses once maxBatch is held and resumes when it is handed over (the view was slower)', () => {
    const { flow, batches } = flowWith(10);
    flow.push(b('x'.repeat(4)));
    flow.push(b('y'.repeat(6)));
    expect(batches).toEqual(['xxxx', 'yyyyyy']);
    expect(flow.push(b('z'.repeat(10)))).toBe('pause');
    expect(flow.paused).toBe(true);
    // Data already on its way keeps being taken, but pauses only once.
    expect(flow.push(b('w'))).toBe('none');
    expect(flow.unacked).toBe(21);
    expect(flow.peakUnacked).toBe(21);
    expect(flow.ack(4)).toBe('resume');
    expect(batches).toEqual(['xxxx', 'yyyyyy', 'zzzzzzzzzzw']);
    expect(flow.paused).toBe(false);
  });

  it('says when the view finished everything it had and waits (the output is the slower side)', () => {
    const { flow } = flowWith(100);
    flow.push(b('abc'));
    expect(flow.ack(3)).toBe('caughtUp');
  });

  it('ignores nonsense acknowledgements and caps over-acknowledgement at what the view was given', () => {
    const { flow, batches } = flowWith(100);
    flow.push(b('12345'));
    flow.push(b('678'));
    for (const bad of [Number.NaN, -5, 0, Number.POSITIVE_INFINITY]) expect(flow.ack(bad)).toBe('none');
    expect(flow.unacked).toBe(8);
    // Acking more than the view holds cannot acknowledge what it never got.
    flow.ack(1000);
    expect(batches).toEqual(['12345', '678']);
    expect(flow.unacked).toBe(3);
    expect(flow.totals).toEqual({ sent: 8, acked: 5 });
  });

  it('flush hands over what is held without waiting (the channel is closing)', () => {
    const { flow, batches } = flowWith(100);
    flow.push(b('a'));
    flow.push(b('b'));
    flow.flush();
    expect(batches).toEqual(['a', 'b']);
    flow.flush();
    expect(batches).toEqual(['a', 'b']);
  });

  it('forgets what a dead view never acknowledged when a new view takes over, and resumes', () => {
    const { flow, batches } = flowWith(10);
    // The old view got two batches and died before acknowledging either; a full batch is held.
    flow.push(b('x'.repeat(8)));
    flow.push(b('y'.repeat(5)));
    expect(flow.push(b('z'.repeat(10)))).toBe('pause');
    expect(batches).toEqual(['xxxxxxxx', 'yyyyy']);
    // Nobody will ever acknowledge those two: without a reset the channel stays paused.
    expect(flow.viewReset()).toBe('resume');
    expect(flow.paused).toBe(false);
    // What was held goes to the new view at once; only that is outstanding now.
    expect(batches).toEqual(['xxxxxxxx', 'yyyyy', 'zzzzzzzzzz']);
    expect(flow.unacked).toBe(10);
    expect(flow.totals).toEqual({ sent: 23, acked: 13 });
    // The new view's acknowledgement clocks the next batch as before.
    flow.push(b('w'));
    expect(batches).toHaveLength(3);
    expect(flow.ack(10)).toBe('caughtUp');
    expect(batches.at(-1)).toBe('w');
  });

  it('a reset with nothing outstanding changes nothing', () => {
    const { flow, batches } = flowWith(10);
    expect(flow.viewReset()).toBe('none');
    flow.push(b('a'));
    expect(batches).toEqual(['a']);
    expect(flow.unacked).toBe(1);
  });

  it('refuses a batch size that is not positive', () => {
    expect(() => new FlowControl(() => {}, { maxBatch: 0 })).toThrow(RangeError);
  });
});
