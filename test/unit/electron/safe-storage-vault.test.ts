// What the Electron keychain wrapper decides, checked in Node with a fake
// safeStorage (the Electron binary cannot run here; safeStorage itself is
// not verified on this machine).
import { describe, expect, it } from 'vitest';
import {
  safeStorageVault,
  vaultAvailable,
  type SafeStorageLike,
} from '../../../src/main/electron/safe-storage-vault';

describe('vaultAvailable', () => {
  it('needs encryption to be available', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(vaultAvailable({ isEncryptionAvailable: false, platform, backend: 'gnome_libsecret' })).toBe(
        false,
      );
    }
  });

  it('trusts the Keychain (macOS) and DPAPI (Windows)', () => {
    expect(vaultAvailable({ isEncryptionAvailable: true, platform: 'darwin' })).toBe(true);
    expect(vaultAvailable({ isEncryptionAvailable: true, platform: 'win32' })).toBe(true);
  });

  it('on Linux refuses basic_text (a key hard-coded in Chromium: no protection) and unknown', () => {
    const linux = (backend?: string) =>
      vaultAvailable({ isEncryptionAvailable: true, platform: 'linux', backend });
    expect(linux('basic_text')).toBe(false);
    expect(linux('unknown')).toBe(false);
    expect(linux(undefined)).toBe(false);
    expect(linux('gnome_libsecret')).toBe(true);
    expect(linux('kwallet5')).toBe(true);
    expect(linux('kwallet6')).toBe(true);
  });
});

function fakeSafeStorage(backend: string, available = true) {
  const calls: string[] = [];
  const storage: SafeStorageLike & { available: boolean; backend: string } = {
    available,
    backend,
    isEncryptionAvailable: () => storage.available,
    encryptString: (plain) => {
      calls.push('encrypt');
      return Buffer.from([...Buffer.from(plain)].reverse());
    },
    decryptString: (sealed) => {
      calls.push('decrypt');
      return Buffer.from([...sealed].reverse()).toString();
    },
    getSelectedStorageBackend: () => {
      calls.push('backend');
      return storage.backend;
    },
  };
  return { storage, calls };
}

describe('safeStorageVault', () => {
  it('seals and opens through safeStorage when it is real protection', () => {
    const { storage } = fakeSafeStorage('gnome_libsecret');
    const vault = safeStorageVault(storage, 'linux');
    expect(vault.available()).toBe(true);
    expect(vault.decrypt(vault.encrypt('geheim'))).toBe('geheim');
  });

  it('refuses to seal or open on basic_text, and asks again each time', () => {
    const { storage, calls } = fakeSafeStorage('basic_text');
    const vault = safeStorageVault(storage, 'linux');
    expect(vault.available()).toBe(false);
    expect(() => vault.encrypt('geheim')).toThrow(
      expect.objectContaining({ code: 'agent.vaultUnavailable' }),
    );
    expect(() => vault.decrypt(Buffer.from('x'))).toThrow(
      expect.objectContaining({ code: 'agent.vaultUnavailable' }),
    );
    expect(calls).not.toContain('encrypt');
    expect(calls).not.toContain('decrypt');
    storage.backend = 'kwallet6';
    expect(vault.available()).toBe(true);
  });

  it('does not ask for the storage backend outside Linux', () => {
    const { storage, calls } = fakeSafeStorage('basic_text');
    expect(safeStorageVault(storage, 'win32').available()).toBe(true);
    expect(calls).not.toContain('backend');
    storage.available = false;
    expect(safeStorageVault(storage, 'darwin').available()).toBe(false);
  });
});
