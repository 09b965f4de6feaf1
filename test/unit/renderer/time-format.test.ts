import { describe, expect, it } from 'vitest';
import { formatClock, formatCountdown } from '../../../src/renderer/components/time-format';

describe('countdown', () => {
  it('shows minutes and seconds left as mm:ss, rounded up', () => {
    expect(formatCountdown(120_000)).toBe('02:00');
    expect(formatCountdown(119_001)).toBe('02:00');
    expect(formatCountdown(119_000)).toBe('01:59');
    expect(formatCountdown(61_000)).toBe('01:01');
    expect(formatCountdown(9_500)).toBe('00:10');
    expect(formatCountdown(1)).toBe('00:01');
  });

  it('never goes below zero', () => {
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-5_000)).toBe('00:00');
  });

  it('counts long waits in minutes', () => {
    expect(formatCountdown(3600_000)).toBe('60:00');
  });
});

describe('clock time', () => {
  const at = new Date(2026, 2, 14, 9, 5).getTime();

  it('is HH:MM on the same day', () => {
    expect(formatClock(at, new Date(2026, 2, 14, 17, 0).getTime(), 'de')).toBe('09:05');
    expect(formatClock(at, new Date(2026, 2, 14, 0, 1).getTime(), 'en')).toBe('09:05');
  });

  it('adds the date on another day (a kept connection passes midnight)', () => {
    const text = formatClock(at, new Date(2026, 2, 13, 23, 0).getTime(), 'de');
    expect(text).toContain('09:05');
    expect(text).toContain('14.03');
    expect(formatClock(at, new Date(2026, 2, 13, 23, 0).getTime(), 'en')).toContain('14/03');
  });
});
