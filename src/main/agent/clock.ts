// Time as the store sees it, injectable so lifetimes are tested without
// waiting. Timers are unref'd: a pending key expiry never keeps Node alive.

export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  now(): number;
  setTimer(callback: () => void, delayMs: number): TimerHandle;
}

// setTimeout's delay is a signed 32-bit number of ms (~24.8 days); longer
// lifetimes re-arm in steps.
const MAX_DELAY = 2_147_483_647;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, delayMs) {
    let timer: NodeJS.Timeout;
    const due = Date.now() + delayMs;
    const arm = () => {
      const left = due - Date.now();
      timer = setTimeout(left > MAX_DELAY ? arm : callback, Math.max(0, Math.min(left, MAX_DELAY)));
      timer.unref();
    };
    arm();
    return { cancel: () => clearTimeout(timer) };
  },
};
