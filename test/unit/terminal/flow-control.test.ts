import { describe, expect, it } from 'vitest';
import { FlowControl } from '../../../src/main/terminal/flow-control';

describe('FlowControl', () => {
  it('pauses at the high-water mark and resumes at the low-water mark', () => {
    const flow = new FlowControl({ highWaterMark: 100, lowWaterMark: 20 });
    expect(flow.sent(60)).toBe('none');
    expect(flow.sent(39)).toBe('none');
    expect(flow.paused).toBe(false);
    expect(flow.sent(1)).toBe('pause');
    expect(flow.paused).toBe(true);
    // Data already in flight keeps being counted, but pauses only once.
    expect(flow.sent(30)).toBe('none');
    expect(flow.unacked).toBe(130);
    expect(flow.ack(100)).toBe('none'); // 30 left, still above 20
    expect(flow.totals).toEqual({ sent: 130, acked: 100 });
    expect(flow.paused).toBe(true);
    expect(flow.ack(10)).toBe('resume'); // 20 left
    expect(flow.paused).toBe(false);
    expect(flow.ack(20)).toBe('none');
    expect(flow.unacked).toBe(0);
    expect(flow.peakUnacked).toBe(130);
    expect(flow.totals).toEqual({ sent: 130, acked: 130 });
  });

  it('ignores nonsense acknowledgements and caps over-acknowledgement', () => {
    const flow = new FlowControl({ highWaterMark: 100, lowWaterMark: 20 });
    flow.sent(150);
    for (const bad of [Number.NaN, -5, 0, Number.POSITIVE_INFINITY]) expect(flow.ack(bad)).toBe('none');
    expect(flow.unacked).toBe(150);
    expect(flow.ack(1_000_000)).toBe('resume');
    expect(flow.unacked).toBe(0);
    expect(flow.totals.acked).toBe(150);
    // A later burst must still pause: over-acking earned no credit.
    expect(flow.sent(100)).toBe('pause');
  });

  it('ignores empty or invalid sends', () => {
    const flow = new FlowControl();
    expect(flow.sent(0)).toBe('none');
    expect(flow.sent(-1)).toBe('none');
    expect(flow.sent(Number.NaN)).toBe('none');
    expect(flow.unacked).toBe(0);
  });

  it('uses 256 KiB / 64 KiB by default and rejects inverted marks', () => {
    const flow = new FlowControl();
    expect([flow.highWaterMark, flow.lowWaterMark]).toEqual([256 * 1024, 64 * 1024]);
    expect(() => new FlowControl({ highWaterMark: 10, lowWaterMark: 10 })).toThrow(RangeError);
    expect(() => new FlowControl({ highWaterMark: 0, lowWaterMark: 0 })).toThrow(RangeError);
  });

  it('stays bounded over a long random run', () => {
    const flow = new FlowControl({ highWaterMark: 1000, lowWaterMark: 200 });
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 10_000; i++) {
      // The channel only delivers while not paused (one in-flight chunk at most).
      if (!flow.paused) flow.sent(1 + Math.floor(rnd() * 300));
      if (rnd() < 0.4) flow.ack(Math.floor(rnd() * 400));
      expect(flow.unacked).toBeGreaterThanOrEqual(0);
    }
    expect(flow.peakUnacked).toBeLessThan(1000 + 300);
  });
});
