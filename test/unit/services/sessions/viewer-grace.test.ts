// A session nobody shows waits for a view for the grace time, and only then closes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ViewerGrace } from '../../../../src/main/services/sessions/viewer-grace';

describe('ViewerGrace', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('expires a session whose view went away after the grace time, once', () => {
    const expired: string[] = [];
    const grace = new ViewerGrace(1000, (id) => expired.push(id));
    grace.viewGone('s1');
    expect(grace.isWaiting('s1')).toBe(true);
    vi.advanceTimersByTime(600);
    // A second "gone" (another tab of the same page) does not prolong it.
    grace.viewGone('s1');
    vi.advanceTimersByTime(399);
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual(['s1']);
    expect(grace.isWaiting('s1')).toBe(false);
    vi.advanceTimersByTime(5000);
    expect(expired).toEqual(['s1']);
  });

  it('keeps a session a view took over, and stops all on dispose', () => {
    const expired: string[] = [];
    const grace = new ViewerGrace(1000, (id) => expired.push(id));
    grace.viewGone('s1');
    grace.viewGone('s2');
    grace.viewGone('s3');
    vi.advanceTimersByTime(500);
    grace.forget('s1');
    expect(grace.isWaiting('s1')).toBe(false);
    vi.advanceTimersByTime(500);
    expect(expired).toEqual(['s2', 's3']);
    grace.viewGone('s4');
    grace.dispose();
    vi.advanceTimersByTime(5000);
    expect(expired).toEqual(['s2', 's3']);
  });
});
