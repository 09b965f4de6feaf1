import { describe, expect, it } from 'vitest';
import type { ClientChannel } from 'ssh2';
import { SshWindow } from '../../../src/main/terminal/ssh-window';

const KiB = 1024;

function patchedChannel() {
  const set: number[] = [];
  const channel = { setMaxWindow: (bytes: number) => set.push(bytes) } as unknown as ClientChannel;
  return { channel, set };
}

describe('SshWindow', () => {
  it("starts at ssh2's 2 MiB, halves down to the floor while the view is slower, doubles back while it waits", () => {
    const { channel, set } = patchedChannel();
    const window = new SshWindow(channel, { floor: 256 * KiB });
    expect(window.adapts).toBe(true);
    expect(set).toEqual([2048 * KiB]);
    for (let i = 0; i < 5; i++) window.viewSlower();
    expect(set).toEqual([2048 * KiB, 1024 * KiB, 512 * KiB, 256 * KiB]);
    for (let i = 0; i < 5; i++) window.viewWaiting();
    expect(set.slice(4)).toEqual([512 * KiB, 1024 * KiB, 2048 * KiB]);
    expect(window.size).toBe(2048 * KiB);
  });

  it('leaves an unpatched ssh2 channel at its fixed window and says so', () => {
    const window = new SshWindow({} as ClientChannel);
    expect(window.adapts).toBe(false);
    expect(() => window.viewSlower()).not.toThrow();
  });
});
