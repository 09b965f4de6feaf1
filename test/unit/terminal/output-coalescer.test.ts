import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OutputCoalescer } from '../../../src/main/terminal/output-coalescer';

describe('OutputCoalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const collect = (options = {}) => {
    const out: string[] = [];
    const c = new OutputCoalescer((chunk) => out.push(chunk.toString()), {
      maxDelayMs: 5,
      maxBytes: 10,
      ...options,
    });
    return { out, c };
  };

  it('delivers a chunk after a quiet spell at once (keystroke echo)', () => {
    const { out, c } = collect();
    c.push(Buffer.from('a'));
    expect(out).toEqual(['a']);
    vi.advanceTimersByTime(50);
    c.push(Buffer.from('b'));
    expect(out).toEqual(['a', 'b']);
  });

  it('merges a burst and holds nothing longer than maxDelayMs', () => {
    const { out, c } = collect({ maxBytes: 1000 });
    c.push(Buffer.from('1'));
    c.push(Buffer.from('2'));
    c.push(Buffer.from('3'));
    expect(out).toEqual(['1']);
    vi.advanceTimersByTime(4);
    expect(out).toEqual(['1']);
    vi.advanceTimersByTime(1);
    expect(out).toEqual(['1', '23']);
    c.push(Buffer.from('4'));
    vi.advanceTimersByTime(5);
    expect(out).toEqual(['1', '23', '4']);
    // After a window with nothing pending it is idle again.
    vi.advanceTimersByTime(5);
    c.push(Buffer.from('5'));
    expect(out).toEqual(['1', '23', '4', '5']);
  });

  it('flushes as soon as maxBytes are pending', () => {
    const { out, c } = collect();
    c.push(Buffer.from('x'));
    c.push(Buffer.from('12345'));
    expect(out).toEqual(['x']);
    c.push(Buffer.from('67890'));
    expect(out).toEqual(['x', '1234567890']);
  });

  it('keeps order, flushes on dispose and drops later pushes', () => {
    const { out, c } = collect({ maxBytes: 1000 });
    c.push(Buffer.from('a'));
    c.push(Buffer.from('b'));
    c.dispose();
    c.push(Buffer.from('c'));
    vi.advanceTimersByTime(100);
    expect(out.join('')).toBe('ab');
  });
});
