// Malformed and truncated messages over the socket (fixed seed, bounded count
// and time): the agent never crashes, keeps serving a well-behaved client at
// the same time, answers every complete frame with a reply type allowed for
// that request, still serves a well-formed request on the same connection
// after each one, and closes only connections that announce an oversize
// message. Any exception other than refused input (a decoder or session bug)
// fails the test: the server reports it through `onBug` and closes.
import { generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedPrivateKey } from '../../../src/main/keys/types';
import { AgentKeyStore } from '../../../src/main/agent/key-store';
import { startUnixAgentServer, type UnixAgentServer } from '../../../src/main/agent/transport/unix-socket';
import { frame } from '../../../src/main/agent/protocol/framing';
import * as msg from '../../../src/main/agent/protocol/messages';
import { decodeRequest } from '../../../src/main/agent/protocol/requests';
import { WireWriter } from '../../../src/main/core/wire';
import { blobFromKeyObject } from '../../../src/main/keys/public-key';
import { AgentClient } from '../../fixtures/agent/agent-client';
import { addIdentityFields, generateLoadedKey } from '../../fixtures/agent/keys';
import { prng } from '../../fixtures/prng';

const SEED = 0x5eed_a6e7;
const MESSAGES = 4000;
const TIME_BUDGET_MS = 25_000;

let dir: string;
let server: UnixAgentServer;
let store: AgentKeyStore;
let ed: LoadedPrivateKey;
/** Exceptions the server met that were not refusals of input: each one is a bug. */
const bugs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fw-agent-fuzz-'));
  ed = await generateLoadedKey('ed25519');
  store = new AgentKeyStore({ unlockFailureDelayMs: () => 0 });
  store.add(ed);
  server = await startUnixAgentServer({
    path: join(dir, 'agent.sock'),
    store,
    serve: {
      onBug: (error, type) =>
        bugs.push(`type ${type}: ${error instanceof Error ? error.stack : String(error)}`),
    },
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Reply types a request may get, by its message number (FAILURE is always
 * allowed: a mutated body is malformed). Anything else means the agent
 * answered a different question than it was asked.
 */
const ALLOWED_REPLIES: Record<number, number[]> = {
  11: [12, 5], // REQUEST_IDENTITIES: IDENTITIES_ANSWER
  13: [14, 5], // SIGN_REQUEST: SIGN_RESPONSE
  27: [6, 29, 5], // EXTENSION: SUCCESS (session-bind), EXTENSION_RESPONSE (query)
};
const allowedReplies = (body: Buffer): number[] => ALLOWED_REPLIES[body[0] ?? -1] ?? [5];

/** A session-bind that verifies, so mutations reach the signature checks. */
function validBind(type: 'ed25519' | 'rsa'): Buffer {
  const sessionId = Buffer.alloc(32, 9);
  const host =
    type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const algorithm = type === 'ed25519' ? 'ssh-ed25519' : 'rsa-sha2-256';
  const signature = cryptoSign(type === 'ed25519' ? null : 'sha256', sessionId, host.privateKey);
  const sig = new WireWriter().string(algorithm).string(signature).toBuffer();
  const hostBlob = blobFromKeyObject(host.publicKey);
  return msg.extension('session-bind@openssh.com', msg.sessionBindContents(hostBlob, sessionId, sig, false));
}

/**
 * Requests that would legitimately change the agent's state are not fuzz:
 * skip them. A body the decoder throws on is sent: the server must report it.
 */
function stateChanging(body: Buffer): boolean {
  let type: string;
  try {
    type = decodeRequest(body).type;
  } catch {
    return false;
  }
  return ['addIdentity', 'removeIdentity', 'removeAll', 'lock', 'unlock'].includes(type);
}

describe('agent fuzzing', () => {
  it('survives thousands of malformed messages while serving another client', async () => {
    const rnd = prng(SEED);
    const seeds: Buffer[] = [
      msg.requestIdentities(),
      msg.signRequest(ed.blob, Buffer.from('data'), 4),
      msg.addIdentity(addIdentityFields(ed), { lifetimeSeconds: 5, confirm: true }),
      msg.removeIdentity(ed.blob),
      msg.lock('x'),
      msg.extension('session-bind@openssh.com', rnd.bytes(40)),
      validBind('ed25519'),
      validBind('rsa'),
      msg.extension('query'),
      Buffer.from([27]),
    ];
    const mutate = (): Buffer => {
      const base = Buffer.from(rnd.pick(seeds));
      switch (rnd.int(6)) {
        case 0: // truncated body
          return base.subarray(0, rnd.int(base.length));
        case 1: // flipped bytes
          for (let i = 0, n = 1 + rnd.int(4); i < n; i++) base[rnd.int(base.length)] = rnd.int(256);
          return base;
        case 2: // lying inner length
          if (base.length > 5)
            base.writeUInt32BE(rnd.pick([0, 1, 0x7fffffff, 0xffffffff, rnd.int(1 << 20)]), 1);
          return base;
        case 3: // random type and bytes
          return Buffer.concat([Buffer.from([rnd.int(256)]), rnd.bytes(rnd.int(64))]);
        case 4: // trailing garbage
          return Buffer.concat([base, rnd.bytes(1 + rnd.int(16))]);
        default: // empty message
          return Buffer.alloc(0);
      }
    };

    // The well-behaved client runs alongside the whole time.
    let stop = false;
    let goodRounds = 0;
    const good = await AgentClient.connect(server.path);
    const goodLoop = (async () => {
      while (!stop) {
        const ids = await good.list();
        expect(ids.map((i) => i.blob.equals(ed.blob))).toEqual([true]);
        expect(await good.sign(ed.blob, Buffer.from(`round ${goodRounds}`), 0)).not.toBeNull();
        goodRounds++;
      }
    })();

    const started = Date.now();
    let fuzz = await AgentClient.connect(server.path);
    let answered = 0;
    let oversizeClosed = 0;
    let sent = 0;
    try {
      for (; sent < MESSAGES && Date.now() - started < TIME_BUDGET_MS; sent++) {
        const roll = rnd.int(100);
        if (roll < 2) {
          // Oversize announcement: this connection, and only this one, closes.
          const header = Buffer.alloc(4);
          header.writeUInt32BE(256 * 1024 + 1 + rnd.int(1 << 24));
          await expect(fuzz.requestRaw(Buffer.concat([header, rnd.bytes(rnd.int(32))]))).rejects.toThrow(
            /closed/,
          );
          oversizeClosed++;
          fuzz = await AgentClient.connect(server.path);
        } else if (roll < 4) {
          // A frame cut short, then the client vanishes: nothing to answer, nothing to break.
          const partial = frame(mutate()).subarray(0, 1 + rnd.int(3));
          const quitter = await AgentClient.connect(server.path);
          quitter.socket.write(partial);
          quitter.close();
        } else {
          const body = mutate();
          if (stateChanging(body)) continue;
          // A bug closes the connection: show the bug, not "connection closed".
          const reply = await fuzz.request(body).finally(() => expect(bugs).toEqual([]));
          expect(allowedReplies(body), `reply to message type ${body[0]}`).toContain(reply[0]);
          if (reply[0] === 5 || reply[0] === 6) expect(reply.length).toBe(1);
          // The same connection still serves a well-formed request.
          expect((await fuzz.list()).map((i) => i.comment)).toEqual([ed.comment]);
          answered++;
        }
      }
    } finally {
      stop = true;
      await goodLoop;
    }
    fuzz.close();
    good.close();

    expect(sent).toBeGreaterThan(1000);
    expect(answered).toBeGreaterThan(900);
    expect(oversizeClosed).toBeGreaterThan(0);
    expect(goodRounds).toBeGreaterThan(10);
    // Still alive, state untouched.
    const after = await AgentClient.connect(server.path);
    expect((await after.list()).map((i) => i.comment)).toEqual([ed.comment]);
    after.close();
    expect(store.locked).toBe(false);
    expect(bugs).toEqual([]);
  });
});
