import { describe, expect, it } from 'vitest';
import type { ClientChannel } from 'ssh2';
import { initialSshWindow, SshWindow } from '../../../src/main/terminal/ssh-window';

const KiB = 1024;

function patchedChannel() {
  const set: number[] = [];
  const channel = { setMaxWindow: (bytes: number) => set.push(bytes) } as unknown as ClientChannel;
  return { channel, set };
}

/** A clock the test moves. */
function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('SshWindow', () => {
  it('starts at 256 KiB, halves down to the floor while the view is slower, doubles up to 2 MiB while a stream comes', () => {
    const { channel, set } = patchedChannel();
    const time = clock();
    const window = new SshWindow(channel, { floor: 64 * KiB }, time.now);
    expect(window.adapts).toBe(true);
    expect(set).toEqual([256 * KiB]);
    for (let i = 0; i < 4; i++) window.viewSlower();
    expect(set).toEqual([256 * KiB, 128 * KiB, 64 * KiB]);
    // A stream: output keeps coming without a pause.
    for (let i = 0; i < 8; i++) {
      time.advance(20);
      window.received(512 * KiB);
      window.viewWaiting();
    }
    expect(set.slice(3)).toEqual([128 * KiB, 256 * KiB, 512 * KiB, 1024 * KiB, 2048 * KiB]);
    expect(window.size).toBe(2048 * KiB);
  });

  it("does not grow while the view waits for a shell's echo and prompts", () => {
    const { channel, set } = patchedChannel();
    const time = clock();
    const window = new SshWindow(channel, {}, time.now);
    // A day of typing: each key's echo, then a prompt now and then, with pauses between.
    for (let i = 0; i < 10_000; i++) {
      time.advance(i % 10 === 0 ? 2000 : 600);
      window.received(i % 10 === 0 ? 4 * KiB : 1);
      window.viewWaiting();
    }
    expect(set).toEqual([256 * KiB]);
  });

  it('grows only once half a window has streamed in since the last pause', () => {
    const { channel, set } = patchedChannel();
    const time = clock();
    const window = new SshWindow(channel, {}, time.now);
    time.advance(10);
    window.received(100 * KiB);
    window.viewWaiting();
    expect(window.size).toBe(256 * KiB);
    // A pause: what came before it does not count.
    time.advance(600);
    window.received(100 * KiB);
    window.viewWaiting();
    expect(window.size).toBe(256 * KiB);
    time.advance(100);
    window.received(28 * KiB);
    window.viewWaiting();
    expect(set).toEqual([256 * KiB, 512 * KiB]);
  });

  it('opens a channel with the start window, kept between floor and ceiling', () => {
    expect(initialSshWindow()).toBe(256 * KiB);
    expect(initialSshWindow({ start: 1 })).toBe(64 * KiB);
    expect(initialSshWindow({ start: 8192 * KiB })).toBe(2048 * KiB);
    expect(initialSshWindow({ floor: 32 * KiB, ceiling: 128 * KiB })).toBe(128 * KiB);
  });

  it('leaves an unpatched ssh2 channel at its fixed window and says so', () => {
    const window = new SshWindow({} as ClientChannel);
    expect(window.adapts).toBe(false);
    expect(() => window.viewSlower()).not.toThrow();
    expect(() => window.received(1)).not.toThrow();
  });
});
