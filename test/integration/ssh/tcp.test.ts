// Our own TCP step: Nagle off before the first byte, IP literals skip DNS.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServer, Socket } from 'node:net';
import { openTcp, resolveHost } from '../../../src/main/ssh/tcp';

describe('tcp', () => {
  afterEach(() => vi.restoreAllMocks());

  it('turns Nagle off on the connected socket', async () => {
    const server = createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const spy = vi.spyOn(Socket.prototype, 'setNoDelay');
    try {
      const { connected } = openTcp('127.0.0.1', (server.address() as { port: number }).port);
      const socket = await connected;
      expect(spy).toHaveBeenCalledWith(true);
      expect(spy.mock.contexts).toContain(socket);
      socket.destroy();
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('resolves names with the injected lookup and leaves IP literals alone', async () => {
    const asked: string[] = [];
    const lookup = async (name: string) => {
      asked.push(name);
      return { address: '192.0.2.7', family: 4 };
    };
    expect(await resolveHost('meine-schule.example', lookup)).toBe('192.0.2.7');
    expect(await resolveHost('10.255.0.1', lookup)).toBe('10.255.0.1');
    expect(await resolveHost('[::1]', lookup)).toBe('::1');
    expect(asked).toEqual(['meine-schule.example']);
  });
});
