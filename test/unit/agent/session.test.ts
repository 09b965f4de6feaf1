// AgentSession: every message type against a store, ssh-agent's lock rules,
// extensions, refusals and the destination named in confirm prompts.
import { generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
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

function hostBind(forwarding = false, tamper = false) {
  const host = generateKeyPairSync('ed25519');
  const hostBlob = blobFromKeyObject(host.publicKey);
  const sessionId = Buffer.alloc(32, 1);
  const signed = cryptoSign(null, tamper ? Buffer.alloc(32, 2) : sessionId, host.privateKey);
  const sig = new SshWriter().string('ssh-ed25519').string(signed).toBuffer();
  return {
    body: msg.extension(
      'session-bind@openssh.com',
      msg.sessionBindContents(hostBlob, sessionId, sig, forwarding),
    ),
    fingerprint: fingerprintOf(hostBlob),
  };
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

  it('accepts a verified session-bind, names the bound host in confirm prompts, refuses a bad one', async () => {
    const asked: ConfirmRequest[] = [];
    const { session } = setup(async (r) => (asked.push(r), true));
    await session.handle(msg.addIdentity(addIdentityFields(ed), { confirm: true }));
    const bad = hostBind(false, true);
    expect(hex(await session.handle(bad.body))).toBe(FAILURE);
    const good = hostBind();
    expect(hex(await session.handle(good.body))).toBe(SUCCESS);
    // Bound for authentication: final, as in ssh-agent.
    expect(hex(await session.handle(hostBind().body))).toBe(FAILURE);
    expect((await session.handle(msg.signRequest(ed.blob, Buffer.from('d'))))[0]).toBe(14);
    expect(asked[0]).toMatchObject({
      client: 'socket',
      hostKeyFingerprint: good.fingerprint,
      destination: `ssh-ed25519 ${good.fingerprint}`,
      forwarded: false,
    });
    expect(session.boundHostKeys).toHaveLength(1);
  });

  it('lets a host-key resolver name the destination, and marks forwarded bindings', async () => {
    const asked: ConfirmRequest[] = [];
    const store = new AgentKeyStore({ confirm: async (r) => (asked.push(r), false) });
    const first = hostBind(true);
    const session = new AgentSession(store, {
      resolveHostKey: (fp) => (fp === first.fingerprint ? 'portal.meine-schule.de' : undefined),
    });
    await session.handle(msg.addIdentity(addIdentityFields(ed), { confirm: true }));
    expect(hex(await session.handle(first.body))).toBe(SUCCESS);
    expect(hex(await session.handle(msg.signRequest(ed.blob, Buffer.from('d'))))).toBe(FAILURE); // denied
    expect(asked[0]).toMatchObject({ destination: 'portal.meine-schule.de', forwarded: true });
  });
});
