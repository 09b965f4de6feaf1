// The UNIX socket transport and connection handling: permissions, stale and
// live sockets, path fallback, framing over a real socket, oversize closes
// only the offending connection, ordered replies, half-close.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, existsSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedPrivateKey } from '../../../src/main/keys/types';
import { AgentKeyStore } from '../../../src/main/agent/key-store';
import { startUnixAgentServer, type UnixAgentServer } from '../../../src/main/agent/transport/unix-socket';
import {
  chooseSocketPath,
  exportLine,
  identityAgentSnippet,
} from '../../../src/main/agent/transport/socket-path';
import * as msg from '../../../src/main/agent/protocol/messages';
import { frame } from '../../../src/main/agent/protocol/framing';
import { AgentClient } from '../../fixtures/agent/agent-client';
import { generateLoadedKey } from '../../fixtures/agent/keys';

let dir: string;
let ed: LoadedPrivateKey;
const servers: UnixAgentServer[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fw-agent-unit-'));
  ed = await generateLoadedKey('ed25519');
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function start(path: string, store = new AgentKeyStore()) {
  const server = await startUnixAgentServer({ path, store });
  servers.push(server);
  return server;
}

describe('socket path', () => {
  it('keeps short paths and falls back for paths too long for sun_path', () => {
    const short = '/home/a/.config/Fernwartung/agent/agent.sock';
    expect(chooseSocketPath(short, { uid: 1000, env: {} })).toEqual({
      path: short,
      requested: short,
      fallback: false,
    });
    const long = `/home/${'x'.repeat(90)}/agent/agent.sock`;
    expect(chooseSocketPath(long, { uid: 1000, env: { XDG_RUNTIME_DIR: '/run/user/1000' } })).toEqual({
      path: '/run/user/1000/fernwartung/agent.sock',
      requested: long,
      fallback: true,
    });
    expect(chooseSocketPath(long, { uid: 1000, env: {} }).path).toBe('/tmp/fernwartung-1000/agent.sock');
  });

  it('renders the shell export and the ssh_config line, quoting what needs it', () => {
    expect(exportLine("/tmp/it's/agent.sock")).toBe("export SSH_AUTH_SOCK='/tmp/it'\\''s/agent.sock'");
    expect(identityAgentSnippet('/home/a b/100%/agent.sock')).toBe(
      'IdentityAgent "/home/a b/100%%/agent.sock"',
    );
  });
});

describe('UNIX socket server', () => {
  it('creates the folder 0700 and the socket 0600, and unlinks on close', async () => {
    const path = join(dir, 'perm', 'agent', 'agent.sock');
    const server = await start(path);
    expect(server.path).toBe(path);
    expect(statSync(join(dir, 'perm', 'agent')).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(server.exportLine).toBe(`export SSH_AUTH_SOCK='${path}'`);
    expect(server.configSnippet).toBe(`IdentityAgent "${path}"`);
    await server.close();
    expect(existsSync(path)).toBe(false);
  });

  it('tightens a folder of ours that is too open', async () => {
    const folder = join(dir, 'loose');
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    await start(join(folder, 'agent.sock'));
    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });

  it('replaces a stale socket left by a crash', async () => {
    const path = join(dir, 'stale', 'agent.sock');
    mkdirSync(join(dir, 'stale'), { mode: 0o700 });
    // A listening process killed hard never unlinks its socket file.
    const crash = spawnSync(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, 'SIGKILL'))`,
    ]);
    expect(crash.signal).toBe('SIGKILL');
    expect(existsSync(path)).toBe(true);
    const server = await start(path);
    const client = await AgentClient.connect(server.path);
    expect(await client.list()).toEqual([]);
    client.close();
  });

  it('refuses to take over a live agent of another instance', async () => {
    const path = join(dir, 'live', 'agent.sock');
    await start(path);
    await expect(startUnixAgentServer({ path, store: new AgentKeyStore() })).rejects.toMatchObject({
      code: 'agent.socketInUse',
      params: { path },
    });
  });

  it('falls back to the runtime folder when the wished path is too long for sun_path', async () => {
    const runtime = join(dir, 'xdg');
    mkdirSync(runtime, { mode: 0o700 });
    const long = join(dir, 'x'.repeat(100), 'agent', 'agent.sock');
    const server = await startUnixAgentServer({
      path: long,
      store: new AgentKeyStore(),
      identity: { uid: process.getuid!(), env: { XDG_RUNTIME_DIR: runtime } },
    });
    servers.push(server);
    expect(server).toMatchObject({
      path: join(runtime, 'fernwartung', 'agent.sock'),
      requestedPath: long,
      fallback: true,
    });
    expect(statSync(join(runtime, 'fernwartung')).mode & 0o777).toBe(0o700);
    const client = await AgentClient.connect(server.path);
    expect(await client.list()).toEqual([]);
    client.close();
  });

  it('refuses a socket folder owned by someone else (a squatter in /tmp)', async () => {
    const squatted = join(dir, 'squatted');
    mkdirSync(squatted, { mode: 0o700 });
    // Pretend to be another user: the folder then belongs to "someone else".
    const identity = { uid: process.getuid!() + 1, env: {} };
    await expect(
      startUnixAgentServer({ path: join(squatted, 'agent.sock'), store: new AgentKeyStore(), identity }),
    ).rejects.toMatchObject({ code: 'agent.socketPathUnsafe', params: { path: squatted } });
  });

  it('answers pipelined requests in order and serves a half-closed client', async () => {
    const store = new AgentKeyStore();
    store.add(ed);
    const server = await start(join(dir, 'order', 'agent.sock'), store);
    const client = await AgentClient.connect(server.path);
    const replies = await Promise.all([
      client.request(msg.requestIdentities()),
      client.request(msg.signRequest(ed.blob, Buffer.from('a'))),
      client.request(Buffer.from([99])),
      client.request(msg.requestIdentities()),
    ]);
    expect(replies.map((r) => r[0])).toEqual([12, 14, 5, 12]);
    const reply = new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      client.socket.removeAllListeners('data');
      client.socket.on('data', (c: Buffer) => chunks.push(c));
      client.socket.on('end', () => resolve(Buffer.concat(chunks)));
    });
    client.socket.end(frame(msg.requestIdentities()));
    expect((await reply)[4]).toBe(12);
  });

  it('closes only the connection that announces more than 256 KiB', async () => {
    const store = new AgentKeyStore();
    store.add(ed);
    const server = await start(join(dir, 'oversize', 'agent.sock'), store);
    const bystander = await AgentClient.connect(server.path);
    const offender = await AgentClient.connect(server.path);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(256 * 1024 + 1);
    await expect(offender.requestRaw(header)).rejects.toThrow(/closed/);
    expect(await bystander.list()).toHaveLength(1);
    // A message of exactly the limit is still served (and refused as unknown).
    const big = Buffer.alloc(256 * 1024, 0);
    big[0] = 99;
    expect((await bystander.request(big))[0]).toBe(5);
    bystander.close();
  });
});
