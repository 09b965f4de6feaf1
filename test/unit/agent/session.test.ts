// AgentSession: every message type against a store, ssh-agent's lock rules,
// extensions, refusals and the destination named in confirm prompts.
import { generateKeyPairSync, randomBytes, sign as cryptoSign } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { LoadedPrivateKey } from '../../../src/main/keys/types';
import { AgentKeyStore } from '../../../src/main/agent/key-store';
import { AgentSession } from '../../../src/main/agent/session';
import * as msg from '../../../src/main/agent/protocol/messages';
import { WireReader as SshReader, WireWriter as SshWriter } from '../../../src/main/core/wire';
import { blobFromKeyObject, fingerprintOf } from '../../../src/main/keys/public-key';
import type { AgentRefusal, ConfirmRequest } from '../../../src/main/agent/types';
import { addIdentityFields, generateLoadedKey } from '../../fixtures/agent/keys';

let ed: LoadedPrivateKey;
let rsa2048: LoadedPrivateKey;
beforeAll(async () => {
  [ed, rsa2048] = await Promise.all([generateLoadedKey('ed25519'), generateLoadedKey('rsa', { bits: 2048 })]);
});

const FAILURE = '05';
const SUCCESS = '06';
const hex = (b: Buffer) => b.toString('hex');

function identities(reply: Buffer): string[] {
  const r = new SshReader(reply);
  expect(r.byte()).toBe(12);
  return Array.from({ length: r.uint32() }, () => (r.string(), r.text()));
}

function setup(confirm?: (r: ConfirmRequest) => Promise<boolean>) {
  const store = new AgentKeyStore({ unlockFailureDelayMs: () => 0, ...(confirm ? { confirm } : {}) });
  const refusals: AgentRefusal[] = [];
  store.onRefusal((r) => refusals.push(r));
  const session = new AgentSession(store, { sourceLabel: 'ssh-add' });
  return { store, session, refusals };
}

type HostKeyPair = ReturnType<typeof generateKeyPairSync>;

/** A session-bind as ssh sends it: the host key's signature over the session id. */
function hostBind(
  options: { forwarding?: boolean; tamper?: boolean; sessionId?: Buffer; host?: HostKeyPair } = {},
) {
  const host = options.host ?? generateKeyPairSync('ed25519');
  const hostBlob = blobFromKeyObject(host.publicKey);
  const sessionId = options.sessionId ?? randomBytes(32);
  const signed = cryptoSign(null, options.tamper ? Buffer.alloc(32, 2) : sessionId, host.privateKey);
  const sig = new SshWriter().string('ssh-ed25519').string(signed).toBuffer();
  return {
    body: msg.extension(
      'session-bind@openssh.com',
      msg.sessionBindContents(hostBlob, sessionId, sig, options.forwarding ?? false),
    ),
    fingerprint: fingerprintOf(hostBlob),
    hostBlob,
    sessionId,
    host,
  };
}

/** What ssh signs to log in (RFC 4252 §7) in the session `sessionId`. */
function login(sessionId: Buffer, key: LoadedPrivateKey = ed): Buffer {
  return new SshWriter()
    .string(sessionId)
    .byte(50)
    .string('anna')
    .string('ssh-connection')
    .string('publickey')
    .boolean(true)
    .string(key.type)
    .string(key.blob)
    .toBuffer();
}

describe('AgentSession', () => {
  it('adds (ADD_IDENTITY), lists, signs, removes and removes all', async () => {
    const { store, session } = setup();
    expect(hex(await session.handle(msg.addIdentity(addIdentityFields(ed))))).toBe(SUCCESS);
    expect(store.list()[0]).toMatchObject({
      fingerprint: ed.fingerprint,
      source: 'ssh-add',
      confirm: false,
      expiresAt: null,
    });
    expect(identities(await session.handle(msg.requestIdentities()))).toEqual([ed.comment]);
    const signed = await session.handle(msg.signRequest(ed.blob, Buffer.from('data'), 0));
    expect(signed[0]).toBe(14);
    expect(hex(await session.handle(msg.removeIdentity(ed.blob)))).toBe(SUCCESS);
    expect(hex(await session.handle(msg.removeIdentity(ed.blob)))).toBe(FAILURE);
    await session.handle(msg.addIdentity(addIdentityFields(ed)));
    expect(hex(await session.handle(msg.removeAllIdentities()))).toBe(SUCCESS);
    expect(store.list()).toEqual([]);
  });

  it('stores LIFETIME and CONFIRM from ADD_ID_CONSTRAINED', async () => {
    const { store, session } = setup();
    expect(
      hex(
        await session.handle(msg.addIdentity(addIdentityFields(ed), { lifetimeSeconds: 90, confirm: true })),
      ),
    ).toBe(SUCCESS);
    const [info] = store.list();
    expect(info!.confirm).toBe(true);
    expect(info!.expiresAt! - info!.addedAt).toBe(90_000);
  });

  it('refuses an unknown constraint without loading the key', async () => {
    const { store, session } = setup();
    const body = Buffer.concat([Buffer.from([25]), addIdentityFields(ed), Buffer.from([42])]);
    expect(hex(await session.handle(body))).toBe(FAILURE);
    expect(store.list()).toEqual([]);
  });

  it('refuses policy-violating keys (RSA-2048, ECDSA) and reports why', async () => {
    const { store, session, refusals } = setup();
    expect(hex(await session.handle(msg.addIdentity(addIdentityFields(rsa2048))))).toBe(FAILURE);
    const ecdsa = new SshWriter()
      .string('ecdsa-sha2-nistp256')
      .string('nistp256')
      .string(Buffer.alloc(65, 4))
      .toBuffer();
    expect(hex(await session.handle(msg.addIdentity(ecdsa)))).toBe(FAILURE);
    expect(store.list()).toEqual([]);
    expect(refusals.map((r) => [r.type, r.bits, r.error.code, r.source])).toEqual([
      ['ssh-rsa', 2048, 'keys.policyRefused', 'ssh-add'],
      ['ecdsa-sha2-nistp256', 256, 'keys.policyRefused', 'ssh-add'],
    ]);
  });

  it('follows ssh-agent while locked: empty list, only UNLOCK works, wrong passphrase fails', async () => {
    const { store, session } = setup();
    await session.handle(msg.addIdentity(addIdentityFields(ed)));
    expect(hex(await session.handle(msg.lock('pw')))).toBe(SUCCESS);
    expect(hex(await session.handle(msg.lock('pw')))).toBe(FAILURE);
    expect(identities(await session.handle(msg.requestIdentities()))).toEqual([]);
    expect(hex(await session.handle(msg.signRequest(ed.blob, Buffer.from('d'))))).toBe(FAILURE);
    expect(hex(await session.handle(msg.removeAllIdentities()))).toBe(FAILURE);
    expect(hex(await session.handle(msg.extension('query')))).toBe(FAILURE);
    expect(store.list()).toHaveLength(1);
    expect(hex(await session.handle(msg.unlock('wrong')))).toBe(FAILURE);
    expect(hex(await session.handle(msg.unlock('pw')))).toBe(SUCCESS);
    expect(hex(await session.handle(msg.unlock('pw')))).toBe(FAILURE);
    expect(identities(await session.handle(msg.requestIdentities()))).toHaveLength(1);
  });

  it('answers query with the supported extensions and FAILURE to others', async () => {
    const { session } = setup();
    const reply = new SshReader(await session.handle(msg.extension('query')));
    expect([reply.byte(), reply.text(), reply.text(), reply.text()]).toEqual([
      29,
      'query',
      'query',
      'session-bind@openssh.com',
    ]);
    expect(
      hex(await session.handle(msg.extension('restrict-destination@example.org', Buffer.from([1])))),
    ).toBe(FAILURE);
    expect(hex(await session.handle(Buffer.from([27, 0, 0])))).toBe(FAILURE); // truncated name
  });

  it('answers FAILURE to unknown and SSH1 message types and keeps working', async () => {
    const { session } = setup();
    for (const type of [0, 1, 7, 9, 20, 24, 26, 30, 255]) {
      expect(hex(await session.handle(Buffer.from([type, 1, 2, 3])))).toBe(FAILURE);
    }
    expect(identities(await session.handle(msg.requestIdentities()))).toEqual([]);
  });

  it('accepts a verified session-bind and names the bound host for a login of that session only', async () => {
    const asked: ConfirmRequest[] = [];
    const { session } = setup(async (r) => (asked.push(r), true));
    await session.handle(msg.addIdentity(addIdentityFields(ed), { confirm: true }));
    const good = hostBind();
    expect(hex(await session.handle(good.body))).toBe(SUCCESS);
    // Bound for authentication: final, as in ssh-agent.
    expect(hex(await session.handle(hostBind().body))).toBe(FAILURE);
    expect((await session.handle(msg.signRequest(ed.blob, login(good.sessionId))))[0]).toBe(14);
    expect(asked[0]).toMatchObject({
      client: 'socket',
      hostKeyFingerprint: good.fingerprint,
      destination: `ssh-ed25519 ${good.fingerprint}`,
      forwarded: false,
    });
    // Data that is no login, or a login of another session (a replayed
    // bind), is signed without naming the bound host.
    await session.handle(msg.signRequest(ed.blob, Buffer.from('d')));
    await session.handle(msg.signRequest(ed.blob, login(randomBytes(32))));
    for (const request of asked.slice(1)) {
      expect(request.destination).toBeUndefined();
      expect(request.hostKeyFingerprint).toBeUndefined();
    }
    expect(asked).toHaveLength(3);
    expect(session.boundHostKeys).toHaveLength(1);
  });

  // A local client (or a server through a forwarded agent) crafts binds to
  // make the confirm dialog name a host it is not talking to.
  const forged: [string, () => Buffer][] = [
    [
      'an unknown host key type carrying a host name',
      () =>
        msg.extension(
          'session-bind@openssh.com',
          msg.sessionBindContents(
            new SshWriter().string('portal.meine-schule.de').string(Buffer.alloc(32, 1)).toBuffer(),
            Buffer.alloc(32, 1),
            new SshWriter().string('portal.meine-schule.de').string(Buffer.alloc(64)).toBuffer(),
            false,
          ),
        ),
    ],
    ['a wrong signature', () => hostBind({ tamper: true }).body],
    [
      'a signature of another host key than the one named',
      () => {
        const sessionId = Buffer.alloc(32, 1);
        const real = hostBind({ sessionId });
        const other = generateKeyPairSync('ed25519');
        // The real host's key with a valid signature of another key.
        const sig = new SshWriter()
          .string('ssh-ed25519')
          .string(cryptoSign(null, sessionId, other.privateKey))
          .toBuffer();
        return msg.extension(
          'session-bind@openssh.com',
          msg.sessionBindContents(real.hostBlob, sessionId, sig, false),
        );
      },
    ],
    ['a forwarded bind with a wrong signature', () => hostBind({ forwarding: true, tamper: true }).body],
    ['a garbled bind', () => msg.extension('session-bind@openssh.com', Buffer.from([0, 0, 0, 9, 1]))],
  ];
  it.each(forged)('refuses %s and names no destination afterwards', async (_name, body) => {
    const asked: ConfirmRequest[] = [];
    const { session } = setup(async (r) => (asked.push(r), true));
    await session.handle(msg.addIdentity(addIdentityFields(ed), { confirm: true }));
    expect(hex(await session.handle(body()))).toBe(FAILURE);
    expect(session.boundHostKeys).toEqual([]);
    expect((await session.handle(msg.signRequest(ed.blob, login(Buffer.alloc(32, 1)))))[0]).toBe(14);
    expect(asked[0]).toMatchObject({ client: 'socket' });
    expect(asked[0]!.forwarded).toBeFalsy();
    expect(asked[0]!.destination).toBeUndefined();
    expect(asked[0]!.hostKeyFingerprint).toBeUndefined();
  });

  it('follows ssh-agent for forwarded hops: appended, repeats accepted once, a reused session id refused', async () => {
    const asked: ConfirmRequest[] = [];
    const { session } = setup(async (r) => (asked.push(r), true));
    await session.handle(msg.addIdentity(addIdentityFields(ed), { confirm: true }));
    // The local ssh binds its own session (forwarding), the remote ssh its login.
    const portal = hostBind({ forwarding: true });
    expect(hex(await session.handle(portal.body))).toBe(SUCCESS);
    expect(hex(await session.handle(portal.body))).toBe(SUCCESS); // the same again: recorded once
    const sameIdOtherKey = hostBind({ forwarding: true, sessionId: portal.sessionId });
    expect(hex(await session.handle(sameIdOtherKey.body))).toBe(FAILURE);
    const backup = hostBind();
    expect(hex(await session.handle(backup.body))).toBe(SUCCESS);
    expect(session.boundHostKeys.map((b) => b.hostKeyFingerprint)).toEqual([
      portal.fingerprint,
      backup.fingerprint,
    ]);
    await session.handle(msg.signRequest(ed.blob, login(backup.sessionId)));
    expect(asked[0]).toMatchObject({
      destination: `ssh-ed25519 ${backup.fingerprint}`,
      hostKeyFingerprint: backup.fingerprint,
      forwarded: true,
    });
    // A login for the portal's session is not the current hop's: no destination, still forwarded.
    await session.handle(msg.signRequest(ed.blob, login(portal.sessionId)));
    expect(asked[1]).toMatchObject({ forwarded: true });
    expect(asked[1]!.destination).toBeUndefined();
  });

  it('keeps at most 16 bindings per connection, as ssh-agent', async () => {
    const { session } = setup();
    for (let i = 0; i < 16; i++) {
      expect(hex(await session.handle(hostBind({ forwarding: true }).body))).toBe(SUCCESS);
    }
    expect(hex(await session.handle(hostBind({ forwarding: true }).body))).toBe(FAILURE);
    expect(session.boundHostKeys).toHaveLength(16);
  });

  it("on a forwarded agent channel names the app's own connection unless a verified bind says more", async () => {
    const asked: ConfirmRequest[] = [];
    const store = new AgentKeyStore({ confirm: async (r) => (asked.push(r), false) });
    const first = hostBind();
    const session = new AgentSession(store, {
      client: 'app',
      forwardedVia: 'anna@portal.meine-schule.de:22',
      resolveHostKey: (fp) => (fp === first.fingerprint ? 'backup.meine-schule.de' : undefined),
    });
    await session.handle(msg.addIdentity(addIdentityFields(ed), { confirm: true }));
    // The server tries a bind it cannot prove: refused, the dialog names the app's connection.
    expect(hex(await session.handle(hostBind({ tamper: true }).body))).toBe(FAILURE);
    expect(hex(await session.handle(msg.signRequest(ed.blob, login(first.sessionId))))).toBe(FAILURE); // denied
    expect(asked[0]).toMatchObject({ destination: 'anna@portal.meine-schule.de:22', forwarded: true });
    expect(hex(await session.handle(first.body))).toBe(SUCCESS);
    await session.handle(msg.signRequest(ed.blob, login(first.sessionId)));
    expect(asked[1]).toMatchObject({ destination: 'backup.meine-schule.de', forwarded: true });
  });

  it('lets a bug escape instead of answering FAILURE as if the input were malformed', async () => {
    const { store, session } = setup();
    store.add(ed);
    const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
    const spy = vi.spyOn(store, 'sign').mockRejectedValueOnce(bug);
    await expect(session.handle(msg.signRequest(ed.blob, Buffer.from('d')))).rejects.toBe(bug);
    spy.mockRestore();
    // Refusals and malformed input stay FAILURE.
    expect(hex(await session.handle(msg.signRequest(rsa2048.blob, Buffer.from('d'))))).toBe(FAILURE);
    expect(hex(await session.handle(Buffer.from([13, 0, 0, 0, 9])))).toBe(FAILURE);
  });
});
