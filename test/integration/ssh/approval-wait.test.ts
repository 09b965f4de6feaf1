// The approval wait of a DUO login, against the DUO server fixture: it starts
// when the key is accepted, bounds the phone, and the prompt sees its deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/app-error';
import { connectSsh } from '../../../src/main/ssh/connect';
import type { KeyboardInteractiveRequest } from '../../../src/main/ssh/prompters';
import { startDuoServer, type DuoServer } from '../../fixtures/duo-server';
import { makeKeyDir, memoryKnownHosts, scriptedPrompter, type KeyDir, type TestKey } from './support';

describe('approval wait (DUO)', () => {
  let keys: KeyDir;
  let key: TestKey;
  let server: DuoServer;

  beforeAll(async () => {
    keys = makeKeyDir();
    key = keys.make('id');
    server = await startDuoServer({ authorizedKeys: [key.publicKey] });
  });
  afterAll(async () => {
    await server?.stop();
    keys?.remove();
  });

  const connect = (approvalTimeoutMs: number, requests: KeyboardInteractiveRequest[] = []) =>
    connectSsh({
      host: '127.0.0.1',
      port: server.port,
      username: 'iserv-max.muster',
      auth: { type: 'privateKey', privateKey: key.privateKey },
      knownHosts: memoryKnownHosts().knownHosts,
      hostKeyPrompter: scriptedPrompter('connectOnce'),
      keyboardInteractive: {
        respond: async (request) => {
          requests.push(request);
          return ['1'];
        },
      },
      approvalTimeoutMs,
    });

  it('a push nobody answers ends at the limit with approvalTimedOut, and the connection is gone', async () => {
    server.behaviour = { autopush: false, push: { result: 'pending' } };
    const requests: KeyboardInteractiveRequest[] = [];
    const started = Date.now();
    const error = await connect(800, requests).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).toInfo()).toEqual({
      code: 'ssh.approvalTimedOut',
      params: { host: '127.0.0.1', port: server.port, seconds: 1 },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    // The prompt knew when the wait ends: from the key's acceptance, not from its own start.
    expect(requests).toHaveLength(1);
    expect(requests[0]!.deadline).toBeGreaterThan(started);
    expect(requests[0]!.deadline).toBeLessThanOrEqual(started + 800 + 1000);
    const until = Date.now() + 5000;
    while (server.openConnections > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(server.openConnections).toBe(0);
  });

  it('a push approved within the limit logs in', async () => {
    server.behaviour = { autopush: false, push: { result: 'approve', delayMs: 300 } };
    const connection = await connect(5000);
    expect(connection.isOpen).toBe(true);
    await connection.close();
  });
});
