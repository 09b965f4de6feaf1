import { afterEach, describe, expect, it } from 'vitest';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore, type DocumentStore } from '../../../src/main/storage/document-store';
import { openConfDocument } from '../../../src/main/storage/conf-store';
import { nodeConfFactory } from '../../../src/main/storage/node-conf';
import {
  emptyKnownHosts,
  KnownHosts,
  knownHostsDocument,
  normaliseHost,
  type KnownHostsDocument,
} from '../../../src/main/ssh/known-hosts';
import { isHashedHostToken, matchesHashedHost } from '../../../src/main/ssh/hashed-host';
import {
  algorithmsFor,
  hostKeyAlgorithmsFor,
  MODERN_ALGORITHMS,
  serverHostKeyOrder,
} from '../../../src/main/ssh/algorithms';
import { hostKeyFromBlob, type HostKey } from '../../../src/main/ssh/host-key';
import type { ImportedHostKey } from '../../../src/shared/model/moving-in';
import { fakeHostKeyBlob } from './blobs';

const keyA = hostKeyFromBlob(fakeHostKeyBlob('A'));
const keyB = hostKeyFromBlob(fakeHostKeyBlob('B'));
const rsaR = hostKeyFromBlob(fakeHostKeyBlob('R', 'ssh-rsa'));
const rsaS = hostKeyFromBlob(fakeHostKeyBlob('S', 'ssh-rsa'));
const ecdsaE = hostKeyFromBlob(fakeHostKeyBlob('E', 'ecdsa-sha2-nistp256'));
const fixedNow = () => new Date('2026-01-02T03:04:05.000Z');

function setup(initial: KnownHostsDocument = emptyKnownHosts()) {
  const store = createMemoryStore<KnownHostsDocument>(initial);
  return { store, known: new KnownHosts(store, fixedNow) };
}

/** The token OpenSSH writes, made here with node:crypto alone (not with the code under test). */
function hashedToken(name: string, salt = randomBytes(20)): string {
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

const plain = (host: string, port: number, key: HostKey) => ({
  host,
  port,
  keyType: key.keyType,
  keyBase64: key.keyBase64,
});
const hashed = (hashedHost: string, key: HostKey) => ({
  hashedHost,
  keyType: key.keyType,
  keyBase64: key.keyBase64,
});

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fw-known-hosts-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('KnownHosts', () => {
  it('reports unknown, then known after remember, with the stored details', () => {
    const { store, known } = setup();
    expect(known.lookup('schule.example', 22, keyA)).toEqual({ status: 'unknown' });
    const entry = known.remember('schule.example', 22, keyA);
    expect(entry).toEqual({
      host: 'schule.example',
      port: 22,
      keyType: 'ssh-ed25519',
      keyBase64: keyA.keyBase64,
      fingerprint: keyA.fingerprint,
      addedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(store.read()).toEqual({ schemaVersion: 2, entries: [entry] });
    expect(known.lookup('schule.example', 22, keyA)).toEqual({ status: 'known', entry });
  });

  it('reports a different key of the same type for the same host and port as changed', () => {
    const { known } = setup();
    const entry = known.remember('schule.example', 22, keyA);
    expect(known.lookup('schule.example', 22, keyB)).toEqual({ status: 'changed', known: entry });
  });

  it('keeps ports and hosts apart', () => {
    const { known } = setup();
    known.remember('schule.example', 22, keyA);
    expect(known.lookup('schule.example', 2222, keyB).status).toBe('unknown');
    expect(known.lookup('backup.schule.example', 22, keyB).status).toBe('unknown');
  });

  it('treats case, a trailing dot and IPv6 brackets as the same host', () => {
    const { known } = setup();
    known.remember('Schule.Example.', 22, keyA);
    expect(known.lookup('schule.example', 22, keyA).status).toBe('known');
    known.remember('[::1]', 22, keyB);
    expect(known.lookup('::1', 22, keyB).status).toBe('known');
    expect(normaliseHost(' [FE80::1] ')).toBe('fe80::1');
  });

  it('holds several key types per host and port, and names the changed one by its own type', () => {
    const { known } = setup();
    known.remember('schule.example', 22, rsaR);
    const ed = known.remember('schule.example', 22, keyA);
    expect(known.lookup('schule.example', 22, rsaR).status).toBe('known');
    expect(known.lookup('schule.example', 22, keyA).status).toBe('known');
    // keyB is ed25519 too: refused against the stored ed25519 key, not the rsa one.
    expect(known.lookup('schule.example', 22, keyB)).toEqual({ status: 'changed', known: ed });
    expect(known.keyTypesFor('Schule.Example', 22)).toEqual(['ssh-rsa', 'ssh-ed25519']);
  });

  it('treats a key of a type not stored for the host as unknown, not changed', () => {
    const { known } = setup();
    known.remember('schule.example', 22, rsaR);
    expect(known.lookup('schule.example', 22, keyA)).toEqual({ status: 'unknown' });
  });

  it('remember replaces only the key of the same type and keeps the others', () => {
    const { known } = setup();
    known.remember('schule.example', 22, keyA);
    known.remember('schule.example', 22, rsaR);
    known.remember('other.example', 22, keyA);
    known.remember('schule.example', 22, keyB);
    expect(known.lookup('schule.example', 22, keyB).status).toBe('known');
    expect(known.lookup('schule.example', 22, keyA).status).toBe('changed');
    expect(known.lookup('schule.example', 22, rsaR).status).toBe('known');
    expect(known.lookup('other.example', 22, keyA).status).toBe('known');
    expect(known.list().map((e) => [e.host, e.keyType])).toEqual([
      ['schule.example', 'ssh-rsa'],
      ['other.example', 'ssh-ed25519'],
      ['schule.example', 'ssh-ed25519'],
    ]);
  });

  it('forgets every key of host:port, plain and hashed, and nothing else', () => {
    const { known } = setup();
    known.remember('schule.example', 22, keyA);
    known.remember('schule.example', 22, rsaR);
    known.remember('schule.example', 2222, keyA);
    known.add([hashed(hashedToken('schule.example'), ecdsaE), hashed(hashedToken('other.example'), keyA)], {
      replace: false,
    });
    known.forget('Schule.Example', 22);
    for (const key of [keyA, rsaR, ecdsaE])
      expect(known.lookup('schule.example', 22, key).status).toBe('unknown');
    expect(known.lookup('schule.example', 2222, keyA).status).toBe('known');
    expect(known.lookup('other.example', 22, keyA).status).toBe('known');
    expect(known.list()).toHaveLength(2);
  });

  it('names a host by a plain entry fingerprint, never by a hashed one', () => {
    const { known } = setup();
    known.remember('schule.example', 2222, keyA);
    known.add([hashed(hashedToken('other.example'), keyB)], { replace: false });
    expect(known.nameOf(keyA.fingerprint)).toBe('schule.example:2222');
    expect(known.nameOf(keyB.fingerprint)).toBeUndefined();
  });

  it('skips broken entries in a hand-edited file instead of failing', () => {
    const good = {
      host: 'ok.example',
      port: 22,
      keyType: 'ssh-ed25519',
      keyBase64: keyA.keyBase64,
      fingerprint: keyA.fingerprint,
      addedAt: 'x',
    };
    const goodHashed = {
      hashedHost: hashedToken('ok.example'),
      keyType: 'ssh-rsa',
      keyBase64: rsaR.keyBase64,
      fingerprint: rsaR.fingerprint,
      addedAt: 'x',
    };
    const broken = [
      { host: 'bad' },
      { ...goodHashed, hashedHost: '|1|bm90IGEgc2FsdA==|eA==' }, // salt and hash not 20 bytes
      { ...goodHashed, host: 'ok.example' }, // hashed and plain at once
      { ...good, port: 0 },
      null,
      'ok.example ssh-ed25519 AAAA',
    ];
    const { known } = setup({ schemaVersion: 2, entries: [...broken, good, goodHashed] as never });
    expect(known.list()).toEqual([good, goodHashed]);
    expect(known.lookup('ok.example', 22, keyA).status).toBe('known');
    expect(known.lookup('ok.example', 22, rsaR).status).toBe('known');
    const { known: empty } = setup({} as KnownHostsDocument);
    expect(empty.lookup('ok.example', 22, keyA).status).toBe('unknown');
  });
});

describe('hashed entries', () => {
  it('match their host (port 22) and [host]:port, case-insensitively, and nothing else', () => {
    const on22 = hashedToken('schule.example');
    const on2222 = hashedToken('[10.255.0.1]:2222');
    expect(isHashedHostToken(on22)).toBe(true);
    expect(matchesHashedHost(on22, 'Schule.Example', 22)).toBe(true);
    expect(matchesHashedHost(on22, 'schule.example', 2222)).toBe(false);
    expect(matchesHashedHost(on22, 'backup.schule.example', 22)).toBe(false);
    expect(matchesHashedHost(on2222, '10.255.0.1', 2222)).toBe(true);
    expect(matchesHashedHost(on2222, '10.255.0.1', 22)).toBe(false);
    for (const bad of ['schule.example', '|1|abc|def', `|2|${on22.slice(3)}`, `${on22} `])
      expect(isHashedHostToken(bad)).toBe(false);
  });

  it('make a server known on first contact, without a host or port stored', () => {
    const { store, known } = setup();
    const token = hashedToken('[schule.example]:2222');
    expect(known.add([hashed(token, keyA)], { replace: false })).toEqual({
      added: 1,
      replaced: 0,
      unchanged: 0,
      kept: 0,
    });
    expect(store.read().entries).toEqual([
      {
        hashedHost: token,
        keyType: 'ssh-ed25519',
        keyBase64: keyA.keyBase64,
        fingerprint: keyA.fingerprint,
        addedAt: '2026-01-02T03:04:05.000Z',
      },
    ]);
    expect(known.lookup('schule.example', 2222, keyA)).toMatchObject({
      status: 'known',
      entry: { hashedHost: token },
    });
    expect(known.lookup('schule.example', 2222, keyB)).toMatchObject({
      status: 'changed',
      known: { hashedHost: token },
    });
    expect(known.lookup('schule.example', 22, keyA).status).toBe('unknown');
    expect(known.keyTypesFor('schule.example', 2222)).toEqual(['ssh-ed25519']);
  });
});

describe('importing keys', () => {
  it('compares candidates: new, same, or a conflict of the same type', () => {
    const { known } = setup();
    known.remember('schule.example', 22, keyA);
    expect(known.compare(plain('schule.example', 22, keyA))).toBe('same');
    expect(known.compare(plain('Schule.Example.', 22, keyA))).toBe('same');
    expect(known.compare(plain('schule.example', 22, keyB))).toBe('conflict');
    expect(known.compare(plain('schule.example', 22, rsaR))).toBe('new');
    expect(known.compare(plain('schule.example', 2222, keyB))).toBe('new');
    // A hashed name of a plainly stored host is recognised.
    expect(known.compare(hashed(hashedToken('schule.example'), keyA))).toBe('same');
    expect(known.compare(hashed(hashedToken('schule.example'), keyB))).toBe('conflict');
    expect(known.compare(hashed(hashedToken('other.example'), keyB))).toBe('new');
  });

  it('compares a whole import with one read: the stored fingerprint of a conflict, invalid candidates named', () => {
    const { store, known } = setup();
    known.remember('schule.example', 22, keyA);
    let reads = 0;
    const read = store.read.bind(store);
    store.read = () => {
      reads++;
      return read();
    };
    const mislabelled = { ...plain('schule.example', 22, keyB), keyType: 'ssh-rsa' };
    expect(
      known.compareAll([
        plain('schule.example', 22, keyA),
        plain('schule.example', 22, keyB),
        plain('neu.example', 22, keyB),
        mislabelled,
      ]),
    ).toEqual([
      { status: 'same', existingFingerprint: null },
      { status: 'conflict', existingFingerprint: keyA.fingerprint },
      { status: 'new', existingFingerprint: null },
      { status: 'invalid', existingFingerprint: null },
    ]);
    expect(reads).toBe(1);
  });

  it('compares hashed candidates with stored hashed entries by token and key', () => {
    const { known } = setup();
    const token = hashedToken('schule.example');
    known.add([hashed(token, keyA)], { replace: false });
    expect(known.compare(hashed(token, keyA))).toBe('same');
    expect(known.compare(hashed(token, keyB))).toBe('conflict');
    expect(known.compare(hashed(token, rsaR))).toBe('new');
    // A plain candidate of the host the token hides.
    expect(known.compare(plain('schule.example', 22, keyB))).toBe('conflict');
  });

  it('adds in one write, keeps conflicts unless asked to replace them', () => {
    const { store, known } = setup();
    known.remember('schule.example', 22, keyA);
    known.remember('schule.example', 22, rsaR);
    let writes = 0;
    const write = store.write.bind(store);
    store.write = (value) => {
      writes++;
      write(value);
    };
    const batch = [
      plain('schule.example', 22, keyA), // same
      plain('schule.example', 22, keyB), // conflict
      plain('schule.example', 22, ecdsaE), // new
      hashed(hashedToken('[backup.schule.example]:2222'), rsaS), // new
      plain('schule.example', 22, ecdsaE), // same as the one before in this batch
    ];
    expect(known.add(batch, { replace: false })).toEqual({ added: 2, replaced: 0, unchanged: 2, kept: 1 });
    expect(writes).toBe(1);
    expect(known.lookup('schule.example', 22, keyA).status).toBe('known');
    expect(known.lookup('schule.example', 22, ecdsaE).status).toBe('known');
    expect(known.lookup('backup.schule.example', 2222, rsaS).status).toBe('known');

    expect(known.add([plain('schule.example', 22, keyB)], { replace: true })).toEqual({
      added: 0,
      replaced: 1,
      unchanged: 0,
      kept: 0,
    });
    expect(writes).toBe(2);
    expect(known.lookup('schule.example', 22, keyB).status).toBe('known');
    expect(known.lookup('schule.example', 22, keyA).status).toBe('changed');
    expect(known.lookup('schule.example', 22, rsaR).status).toBe('known');

    expect(known.add([plain('schule.example', 22, keyB)], { replace: true }).unchanged).toBe(1);
    expect(writes).toBe(2);
  });

  it('replaces a hashed entry by a plain one of the same host and type', () => {
    const { known } = setup();
    known.add([hashed(hashedToken('schule.example'), keyA)], { replace: false });
    known.add([plain('schule.example', 22, keyB)], { replace: true });
    expect(known.list()).toMatchObject([{ host: 'schule.example', keyBase64: keyB.keyBase64 }]);
  });

  it('stores the fingerprint of the key, and refuses candidates that cannot be stored', () => {
    const { store, known } = setup();
    known.add([{ ...plain('schule.example', 22, keyA), fingerprint: 'SHA256:wrong' }], { replace: false });
    expect(known.list()[0]?.fingerprint).toBe(keyA.fingerprint);
    const before = store.read();
    const bad = [
      { ...plain('schule.example', 22, keyB), keyType: 'ssh-rsa' }, // the blob is ed25519
      { ...plain('schule.example', 22, keyB), keyBase64: 'AAAA' },
      { keyType: keyB.keyType, keyBase64: keyB.keyBase64 }, // no host
      { ...hashed(hashedToken('x.example'), keyB), host: 'x.example', port: 22 }, // both
      hashed('|1|nope|nope', keyB),
      plain('schule.example', 0, keyB),
    ];
    for (const candidate of bad) {
      expect(() => known.compare(candidate)).toThrow();
      // One bad candidate stops the whole batch before anything is written.
      expect(() => known.add([plain('new.example', 22, keyA), candidate], { replace: true })).toThrow();
    }
    expect(store.read()).toEqual(before);
  });

  it('lists entries as an exporter needs them: host and port, or the hashed name', () => {
    const { known } = setup();
    const token = hashedToken('schule.example');
    known.remember('schule.example', 2222, keyA);
    // What the import service holds: an ImportedHostKey is a candidate as it is.
    const imported: ImportedHostKey = {
      origin: { source: '/home/t/.ssh/known_hosts', line: 3 },
      host: 'x.example',
      port: 22,
      hashedHost: null,
      keyType: keyB.keyType,
      keyBase64: keyB.keyBase64,
      fingerprint: keyB.fingerprint,
    };
    known.add([hashed(token, rsaR), imported], { replace: false });
    const lines = known
      .list()
      .map((e) =>
        e.hashedHost !== undefined
          ? `${e.hashedHost} ${e.keyType}`
          : `${e.port === 22 ? e.host : `[${e.host}]:${e.port}`} ${e.keyType}`,
      );
    expect(lines).toEqual(['[schule.example]:2222 ssh-ed25519', `${token} ssh-rsa`, 'x.example ssh-ed25519']);
    expect(Object.keys(known.list()[2]!).sort()).toEqual([
      'addedAt',
      'fingerprint',
      'host',
      'keyBase64',
      'keyType',
      'port',
    ]);
  });
});

describe('the known-hosts document on disk', () => {
  const v1Entry = {
    host: 'schule.example',
    port: 22,
    keyType: 'ssh-ed25519',
    keyBase64: keyA.keyBase64,
    fingerprint: keyA.fingerprint,
    addedAt: '2025-05-06T07:08:09.000Z',
  };

  function open(dir: string): { store: DocumentStore<KnownHostsDocument>; notices: unknown[] } {
    const notices: unknown[] = [];
    const store = openConfDocument(
      nodeConfFactory,
      { dataDir: dir, name: 'known-hosts' },
      knownHostsDocument,
      (n) => notices.push(n),
    );
    return { store, notices };
  }

  it('loads a version 1 file, keeps its entries and writes it back as version 2', () => {
    const dir = tempDir();
    const file = join(dir, 'known-hosts.json');
    const broken = { host: 'broken.example' };
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, entries: [v1Entry, broken] }));
    const { store, notices } = open(dir);
    expect(notices).toEqual([]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ schemaVersion: 2, entries: [v1Entry, broken] });
    const known = new KnownHosts(store, fixedNow);
    expect(known.list()).toEqual([v1Entry]);
    expect(known.lookup('schule.example', 22, keyA).status).toBe('known');
    expect(known.lookup('schule.example', 22, keyB).status).toBe('changed');

    known.add([hashed(hashedToken('other.example'), rsaR)], { replace: false });
    const reopened = new KnownHosts(open(dir).store, fixedNow);
    expect(reopened.lookup('other.example', 22, rsaR).status).toBe('known');
    expect(reopened.lookup('schule.example', 22, keyA).status).toBe('known');
  });

  it('starts empty as version 2', () => {
    const dir = tempDir();
    const { store } = open(dir);
    expect(store.read()).toEqual({ schemaVersion: 2, entries: [] });
  });
});

describe('host key algorithm offer', () => {
  const ssh2Defaults: string[] = createRequire(import.meta.url)(
    'ssh2/lib/protocol/constants.js',
  ).DEFAULT_SERVER_HOST_KEY;
  const defaults = ssh2Defaults.filter((a) => a !== 'ssh-rsa' && a !== 'ssh-dss');

  it("is ssh2's default list without ssh-rsa and ssh-dss when nothing is stored", () => {
    expect(defaults).toContain('ssh-ed25519');
    expect(serverHostKeyOrder([])).toEqual(defaults);
  });

  it('offers the algorithms of stored key types first, in the default order among them', () => {
    expect(serverHostKeyOrder(['ssh-rsa'])).toEqual([
      'rsa-sha2-512',
      'rsa-sha2-256',
      'ssh-ed25519',
      'ecdsa-sha2-nistp256',
      'ecdsa-sha2-nistp384',
      'ecdsa-sha2-nistp521',
    ]);
    expect(serverHostKeyOrder(['ssh-rsa', 'ecdsa-sha2-nistp384']).slice(0, 3)).toEqual([
      'ecdsa-sha2-nistp384',
      'rsa-sha2-512',
      'rsa-sha2-256',
    ]);
    expect(serverHostKeyOrder(['ecdsa-sha2-nistp521', 'ssh-dss', 'ssh-ed25519']).slice(0, 2)).toEqual([
      'ssh-ed25519',
      'ecdsa-sha2-nistp521',
    ]);
    for (const types of [[], ['ssh-rsa'], ['ssh-dss', 'ssh-ed25519']]) {
      const offer = serverHostKeyOrder(types);
      expect([...offer].sort()).toEqual([...defaults].sort());
      expect(offer).not.toContain('ssh-rsa');
      expect(offer).not.toContain('ssh-dss');
    }
  });

  it('uses the keys stored for host:port, hashed ones included, and keeps the rest of the offer', () => {
    const { known } = setup();
    known.remember('schule.example', 22, rsaR);
    known.add([hashed(hashedToken('[schule.example]:2222'), ecdsaE)], { replace: false });
    expect(hostKeyAlgorithmsFor(known, 'schule.example', 22).slice(0, 2)).toEqual([
      'rsa-sha2-512',
      'rsa-sha2-256',
    ]);
    expect(hostKeyAlgorithmsFor(known, 'Schule.Example', 2222)[0]).toBe('ecdsa-sha2-nistp256');
    expect(hostKeyAlgorithmsFor(known, 'other.example', 22)).toEqual(defaults);
    const algorithms = algorithmsFor(known, 'schule.example', 22);
    const { serverHostKey, ...rest } = algorithms as unknown as Record<string, unknown>;
    const { serverHostKey: _modern, ...modernRest } = MODERN_ALGORITHMS as unknown as Record<string, unknown>;
    expect(serverHostKey).toEqual(hostKeyAlgorithmsFor(known, 'schule.example', 22));
    expect(rest).toEqual(modernRest);
  });
});
