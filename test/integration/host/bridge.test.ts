// The headless host's WebSocket bridge from a plain client: calls and events
// work once the token was the first message; a socket without it (silent,
// wrong, late, in the URL, or a call instead) is closed; no response sets a
// cookie; malformed frames close only that socket; a foreign Origin is refused.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createBackend, type Backend } from '../../../src/main/app/backend';
import { createMemoryLogger } from '../../../src/main/core/log';
import { nodeConfFactory } from '../../../src/main/storage/node-conf';
import { CLOSE_NO_TOKEN, READY_MESSAGE, tokenMessage } from '../../../src/host/bridge-token';
import { startHostServer, type HostServer } from '../../../src/host/server';
import { decodeMessage, encodeMessage, type ServerMessage } from '../../../src/shared/bridge/wire';

describe('host bridge', () => {
  let dataDir: string;
  let backend: Backend;
  let server: HostServer;
  let token: string;
  let origin: string;
  const tokenTimeoutMs = 300;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fw-bridge-'));
    const log = createMemoryLogger();
    backend = createBackend({
      dataDir,
      confFactory: nodeConfFactory,
      log,
      shell: { kind: 'browser', version: 't' },
    });
    mkdirSync(join(dataDir, 'renderer'));
    writeFileSync(join(dataDir, 'renderer', 'index.html'), '<!doctype html>');
    server = await startHostServer({
      backend,
      rendererDir: join(dataDir, 'renderer'),
      port: 0,
      log,
      tokenTimeoutMs,
    });
    origin = `http://127.0.0.1:${server.port}`;
    token = new URL(server.url).searchParams.get('token')!;
    expect(token).toMatch(/^[0-9a-f]{64}$/);
  });
  afterAll(async () => {
    await server?.close();
    await backend?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function open(headers: Record<string, string>, path = '/bridge'): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers });
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    });
  }

  /** A socket past the token exchange, as the page's worker opens it. */
  async function ready(): Promise<WebSocket> {
    const ws = await open({ Origin: origin });
    const answer = new Promise<string>((resolve) =>
      ws.once('message', (data: Buffer) => resolve(data.toString())),
    );
    ws.send(tokenMessage(token));
    expect(await answer).toBe(READY_MESSAGE);
    return ws;
  }

  function closed(ws: WebSocket): Promise<{ code: number; messages: number }> {
    let messages = 0;
    ws.on('message', () => messages++);
    return new Promise((resolve) => ws.once('close', (code) => resolve({ code, messages })));
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

  it('answers calls and forwards events once the token came first', async () => {
    const ws = await ready();
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
      const ws = await ready();
      const close = closed(ws);
      ws.send(garbage);
      expect((await close).code).toBe(1003);
    }
    const ws = await ready();
    const result = next(ws, 'result');
    ws.send(encodeMessage({ t: 'call', id: 1, name: 'app.info', input: {} }));
    expect(await result).toMatchObject({ result: { ok: true } });
    ws.close();
  });

  it('closes a socket whose first message is not the token, and answers it nothing', async () => {
    const calls = [
      // Silent: closed once the time is up.
      null,
      tokenMessage('0'.repeat(64)),
      tokenMessage(token.slice(0, 63)),
      JSON.stringify({ t: 'token', token: token.toUpperCase() }),
      // The token, but as a binary frame.
      Buffer.from(tokenMessage(token)),
      // A call before the token: never run.
      encodeMessage({ t: 'call', id: 1, name: 'settings.update', input: { language: 'de' } }),
    ];
    for (const first of calls) {
      const ws = await open({ Origin: origin });
      const close = closed(ws);
      const started = Date.now();
      if (first !== null) ws.send(first);
      expect(await close, String(first)).toEqual({ code: CLOSE_NO_TOKEN, messages: 0 });
      if (first === null) expect(Date.now() - started).toBeGreaterThanOrEqual(tokenTimeoutMs - 20);
    }
    // The call sent before the token did not run.
    const ws = await ready();
    const result = next(ws, 'result');
    ws.send(encodeMessage({ t: 'call', id: 2, name: 'settings.get', input: {} }));
    expect(await result).toMatchObject({ result: { ok: true, value: { language: 'en' } } });
    ws.close();
  });

  it('takes a call right behind the token in the same packet', async () => {
    const ws = await open({ Origin: origin });
    const result = next(ws, 'result');
    ws.send(tokenMessage(token), { fin: true });
    ws.send(encodeMessage({ t: 'call', id: 3, name: 'app.info', input: {} }));
    expect(await result).toMatchObject({ id: 3, result: { ok: true } });
    ws.close();
  });

  it('does not take the token in the URL, a cookie, or from a foreign origin', async () => {
    for (const [headers, path] of [
      [{ Origin: origin }, `/bridge?token=${token}`],
      [{ Origin: origin, Cookie: `fw_token=${token}` }, '/bridge'],
    ] as const) {
      const ws = await open(headers, path);
      expect(await closed(ws)).toEqual({ code: CLOSE_NO_TOKEN, messages: 0 });
    }
    await expect(open({ Origin: 'http://evil.example' })).rejects.toThrow(/403/);
    await expect(open({})).rejects.toThrow(/403/);
    await expect(open({ Origin: origin }, '/other')).rejects.toThrow(/403/);
  });

  it('serves the page without the token and never sets a cookie', async () => {
    for (const url of [server.url, `${origin}/`, `${origin}/index.html`, `${origin}/missing.js`]) {
      const response = await fetch(url, { redirect: 'manual' });
      expect(response.headers.get('set-cookie'), url).toBeNull();
      expect(response.status, url).toBe(url.endsWith('missing.js') ? 404 : 200);
      expect(response.headers.get('referrer-policy')).toBe(response.ok ? 'no-referrer' : null);
    }
    const foreign = await fetch(`${origin}/`, { headers: { Origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('set-cookie')).toBeNull();
  });
});
