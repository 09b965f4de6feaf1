import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/main/storage/document-store';
import {
  emptyKnownHosts,
  KnownHosts,
  normaliseHost,
  type KnownHostsDocument,
} from '../../../src/main/ssh/known-hosts';
import { hostKeyFromBlob } from '../../../src/main/ssh/host-key';
import { fakeHostKeyBlob } from './blobs';

const keyA = hostKeyFromBlob(fakeHostKeyBlob('A'));
const keyB = hostKeyFromBlob(fakeHostKeyBlob('B'));
const fixedNow = () => new Date('2026-01-02T03:04:05.000Z');

function setup(initial: KnownHostsDocument = emptyKnownHosts()) {
  const store = createMemoryStore<KnownHostsDocument>(initial);
  return { store, known: new KnownHosts(store, fixedNow) };
}

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
    expect(store.read()).toEqual({ schemaVersion: 1, entries: [entry] });
    expect(known.lookup('schule.example', 22, keyA)).toEqual({ status: 'known', entry });
  });

  it('reports a different key for the same host and port as changed', () => {
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

  it('replaces the remembered key and forgets on request', () => {
    const { known } = setup();
    known.remember('schule.example', 22, keyA);
    known.remember('other.example', 22, keyA);
    known.remember('schule.example', 22, keyB);
    expect(known.lookup('schule.example', 22, keyB).status).toBe('known');
    expect(known.lookup('schule.example', 22, keyA).status).toBe('changed');
    known.forget('schule.example', 22);
    expect(known.lookup('schule.example', 22, keyA).status).toBe('unknown');
    expect(known.list().map((e) => e.host)).toEqual(['other.example']);
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
    const { known } = setup({ schemaVersion: 1, entries: [{ host: 'bad' } as never, good] });
    expect(known.list()).toEqual([good]);
    expect(known.lookup('ok.example', 22, keyA).status).toBe('known');
    const { known: empty } = setup({} as KnownHostsDocument);
    expect(empty.lookup('ok.example', 22, keyA).status).toBe('unknown');
  });
});
