// The status line: which states need the clock renewed (the countdown each
// second, "Verbunden seit" each minute, so it gains the date after midnight).
import { describe, expect, it } from 'vitest';
import { statusClockInterval } from '../../../src/renderer/views/terminal/SessionStatus';

describe('session status', () => {
  it('renews the clock each second for the countdown and each minute while connected', () => {
    expect(statusClockInterval('waitingForApproval')).toBe(1000);
    expect(statusClockInterval('connected')).toBe(60_000);
    expect(statusClockInterval('disconnected')).toBeUndefined();
    expect(statusClockInterval('connecting')).toBeUndefined();
  });
});
