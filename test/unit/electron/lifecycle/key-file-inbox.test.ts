// Key files from open-file before ready wait for the agent; later ones go in at once.
import { describe, expect, it, vi } from 'vitest';
import { createKeyFileInbox } from '../../../../src/main/electron/lifecycle/key-file-inbox';

describe('key file inbox', () => {
  it('keeps files until the agent is attached, then loads them together', () => {
    const inbox = createKeyFileInbox(() => {});
    inbox.add(['/a.ppk']);
    inbox.add(['/b.ppk']);
    const load = vi.fn(() => Promise.resolve());
    inbox.attach(load);
    expect(load).toHaveBeenCalledExactlyOnceWith(['/a.ppk', '/b.ppk']);
    inbox.add(['/c.ppk']);
    expect(load).toHaveBeenLastCalledWith(['/c.ppk']);
    inbox.add([]);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reports a failed load instead of losing it', async () => {
    const onError = vi.fn();
    const inbox = createKeyFileInbox(onError);
    inbox.attach(() => Promise.reject(new Error('gone')));
    inbox.add(['/a.ppk']);
    await vi.waitFor(() => expect(onError).toHaveBeenCalledOnce());
  });
});
