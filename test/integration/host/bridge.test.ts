// The headless host's WebSocket bridge from a plain client: calls and events
// work with the cookie; malformed frames close only that socket; a socket
// without cookie or with a foreign Origin is refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createBackend, type Backend } from '../../../src/main/app/backend';
import { createMemoryLogger } from '../../../src/main/core/log';
import { nodeConfFactory } from '../../../src/main/storage/node-conf';
import { startHostServer, type HostServer } from '../../../src/host/server';
import { decodeMessage, encodeMessage, type ServerMessage } from '../../../src/shared/bridge/wire';

describe('host bridge', () => {
  let dataDir: string;
  let backend: Backend;
  let server: HostServer;
  let cookie: string;
  let origin: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fw-bridge-'));
    const log = createMemoryLogger();
    backend = createBackend({
      dataDir,
      confFactory: nodeConfFactory,
      log,
      shell: { kind: 'browser', version: 't' },
    });
    server = await startHostServer({ backend, rendererDir: join(dataDir, 'no-renderer'), port: 0, log });
    origin = `http://127.0.0.1:${server.port}`;
    const response = await fetch(server.url, { redirect: 'manual' });
    expect(response.status).toBe(302);
    cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  });
  afterAll(async () => {
    await server?.close();
    await backend?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function open(headers: Record<string, string>): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/bridge`, { headers });
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    });
  }

  function next(ws: WebSocket, t: ServerMessage['t']): Promise<ServerMessage> {
    return new Promise((resolve) => {
      const onMessage = (data: Buffer, binary: boolean) => {
        const message = decodeMessage(binary ? new Uint8Array(data) : data.toString()) as ServerMessage;
        if (message.t !== t) return;
        ws.off('message', onMessage);
        resolve(message);
      };
      ws.on('message', onMessage);
    });
  }

  it('answers calls and forwards events over the cookie-authenticated socket', async () => {
    const ws = await open({ Cookie: cookie, Origin: origin });
    const result = next(ws, 'result');
    ws.send(encodeMessage({ t: 'call', id: 7, name: 'settings.update', input: { language: 'en' } }));
    expect(await result).toMatchObject({
      t: 'result',
      id: 7,
      result: { ok: true, value: { language: 'en' } },
    });

    const event = next(ws, 'event');
    void backend.prompts.ask(
      { kind: 'passphrase', keyName: 'k', retry: false },
      { kind: 'passphrase', passphrase: null },
    );
    expect(await event).toMatchObject({ t: 'event', name: 'prompt.opened', payload: { kind: 'passphrase' } });

    const unknown = next(ws, 'result');
    ws.send(encodeMessage({ t: 'call', id: 8, name: 'no.such' as never, input: {} }));
    expect(await unknown).toMatchObject({ id: 8, result: { ok: false, error: { code: 'invalidInput' } } });
    ws.close();
  });

  it('closes a socket that sends malformed frames, and serves the next one', async () => {
    for (const garbage of [
      '{not json',
      Buffer.from([0, 0, 0, 200, 1, 2]),
      JSON.stringify({ t: 'nonsense' }),
    ]) {
      const ws = await open({ Cookie: cookie, Origin: origin });
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      ws.send(garbage);
      expect(await closed).toBe(1003);
    }
    const ws = await open({ Cookie: cookie, Origin: origin });
    const result = next(ws, 'result');
    ws.send(encodeMessage({ t: 'call', id: 1, name: 'app.info', input: {} }));
    expect(await result).toMatchObject({ result: { ok: true } });
    ws.close();
  });

  it('refuses a socket without the cookie or from a foreign origin', async () => {
    await expect(open({ Origin: origin })).rejects.toThrow(/403/);
    await expect(open({ Cookie: cookie, Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(open({ Cookie: cookie })).rejects.toThrow(/403/);
  });
});
