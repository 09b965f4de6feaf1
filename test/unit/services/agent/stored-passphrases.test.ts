// The sealed-passphrase document: what it holds and when it lets go.
import { describe, expect, it } from 'vitest';
import {
  emptyVaultDocument,
  StoredPassphrases,
  type SecretVault,
} from '../../../../src/main/services/agent/stored-passphrases';
import { createMemoryStore } from '../../../../src/main/storage/document-store';

// A reversible stand-in for the OS keychain (Electron's safeStorage cannot run here).
const xorVault = (available = true): SecretVault => ({
  available: () => available,
  encrypt: (plain) => Buffer.from(Buffer.from(plain).map((b) => b ^ 0x5a)),
  decrypt: (sealed) => Buffer.from(sealed.map((b) => b ^ 0x5a)).toString(),
});

describe('StoredPassphrases', () => {
  it('stores sealed, reveals, replaces and deletes by path', () => {
    const store = createMemoryStore(emptyVaultDocument());
    const passphrases = new StoredPassphrases(store, xorVault());
    passphrases.put('/k/a', 'eins');
    passphrases.put('/k/a', 'zwei');
    passphrases.put('/k/b', 'drei');
    expect(store.read().entries.map((e) => e.path)).toEqual(['/k/a', '/k/b']);
    expect(JSON.stringify(store.read())).not.toMatch(/zwei|drei/);
    expect(passphrases.reveal('/k/a')).toBe('zwei');
    expect(passphrases.reveal('/k/c')).toBeNull();
    expect(passphrases.delete('/k/a')).toBe(true);
    expect(passphrases.delete('/k/a')).toBe(false);
    expect(passphrases.has('/k/b')).toBe(true);
    expect(passphrases.retain(['/k/x'])).toBe(true);
    expect(store.read().entries).toEqual([]);
  });

  it('without a vault: not available, nothing stored or opened, but entries can be deleted', () => {
    const store = createMemoryStore({
      schemaVersion: 1 as const,
      entries: [{ path: '/k/a', sealed: 'AAAA' }],
    });
    const passphrases = new StoredPassphrases(store);
    expect(passphrases.available()).toBe(false);
    expect(() => passphrases.put('/k/b', 'x')).toThrow(
      expect.objectContaining({ code: 'agent.vaultUnavailable' }),
    );
    expect(() => passphrases.reveal('/k/a')).toThrow(
      expect.objectContaining({ code: 'agent.vaultUnavailable' }),
    );
    expect(passphrases.retain([])).toBe(true);
    expect(store.read().entries).toEqual([]);
  });

  it('a vault that throws when asked counts as unavailable', () => {
    const vault: SecretVault = {
      ...xorVault(),
      available: () => {
        throw new Error('keyring gone');
      },
    };
    expect(new StoredPassphrases(createMemoryStore(emptyVaultDocument()), vault).available()).toBe(false);
  });
});
