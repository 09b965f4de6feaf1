// A tab that stops reading while terminal output floods: its socket's backlog
// is capped and the socket closed, while a tab that reads gets every byte.
// The slow tab is a raw client that pauses its TCP socket (as a tab paused in
// the debugger stops reading). Host memory against a real sshd flood:
// e2e/host.spec.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createBackend, type Backend } from '../../../src/main/app/backend';
import { createMemoryLogger } from '../../../src/main/core/log';
import { nodeConfFactory } from '../../../src/main/storage/node-conf';
import { READY_MESSAGE, tokenMessage } from '../../../src/host/bridge-token';
import { startHostServer, type HostServer } from '../../../src/host/server';

const MAX_BACKLOG = 4 * 1024 * 1024;
const CHUNK = 256 * 1024;
const FLOOD = 48 * 1024 * 1024;

describe('host bridge under a flood', () => {
  let dataDir: string;
  let backend: Backend;
  let server: HostServer;
  const log = createMemoryLogger();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fw-backlog-'));
    backend = createBackend({
      dataDir,
      confFactory: nodeConfFactory,
      log,
      shell: { kind: 'browser', version: 't' },
    });
    server = await startHostServer({
      backend,
      rendererDir: join(dataDir, 'no-renderer'),
      port: 0,
      log,
      maxBacklog: MAX_BACKLOG,
    });
  });
  afterAll(async () => {
    await server?.close();
    await backend?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function ready(): Promise<WebSocket> {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/bridge`, {
      headers: { Origin: `http://127.0.0.1:${server.port}` },
    });
    await new Promise((resolve) => ws.once('open', resolve));
    const answer = new Promise<string>((resolve) =>
      ws.once('message', (data: Buffer) => resolve(data.toString())),
    );
    ws.send(tokenMessage(new URL(server.url).searchParams.get('token')!));
    expect(await answer).toBe(READY_MESSAGE);
    return ws;
  }

  it('closes the socket that stopped reading; the other gets every byte', async () => {
    const good = await ready();
    const slow = await ready();
    let slowClosed = false;
    slow.once('close', () => (slowClosed = true));
    (slow as unknown as { _socket: Socket })._socket.pause();

    let received = 0;
    let arrived: () => void = () => undefined;
    good.on('message', (data: Buffer) => {
      received += data.byteLength;
      arrived();
    });
    const data = new Uint8Array(CHUNK).fill(0x61);
    let sent = 0;
    for (let emitted = 0; emitted < FLOOD; emitted += CHUNK) {
      // Paced by the reading tab, as its acknowledgements pace a real session.
      const got = new Promise<void>((resolve) => (arrived = resolve));
      backend.events.emit('terminal.data', { sessionId: 's1', data });
      sent += CHUNK;
      await got;
    }
    while (received < sent) await new Promise<void>((resolve) => (arrived = resolve));
    // Each frame carries a 4-byte header ([0x01][id length]["s1"]): every byte arrived, nothing more.
    expect(received).toBe(sent + (FLOOD / CHUNK) * 4);
    expect(log.lines.filter((line) => line.includes('did not keep up'))).toHaveLength(1);

    // The slow tab, reading again, finds its socket closed by the host after what it had received.
    (slow as unknown as { _socket: Socket })._socket.resume();
    const code = slowClosed ? 1006 : await new Promise<number>((resolve) => slow.once('close', resolve));
    expect(code).toBe(1006);
    expect(good.readyState).toBe(WebSocket.OPEN);
    good.close();
  });
});
