// The OS keychain for stored passphrases: Electron's safeStorage (macOS
// Keychain, Windows DPAPI, libsecret/KWallet on Linux). No import of
// `electron` here: index.ts passes `safeStorage` in, so what this decides is
// tested in plain Node. The Electron binary cannot run on the build machine:
// safeStorage itself has not been run there.
import { AppError } from '../core/app-error';
import type { SecretVault } from '../services/agent/stored-passphrases';

/** The part of Electron's `safeStorage` used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend(): string;
}

/**
 * Whether sealing is real protection. On Linux without a keyring (no
 * libsecret or KWallet found, or `--password-store=basic`) Chromium falls back
 * to `basic_text`: a key hard-coded in Chromium, which anyone who can read the
 * file can undo. That is no protection, so the option is refused there, as it
 * is while the backend is still `unknown` (before the app is ready).
 */
export function vaultAvailable(input: {
  isEncryptionAvailable: boolean;
  platform: NodeJS.Platform;
  /** `safeStorage.getSelectedStorageBackend()`; read on Linux only. */
  backend?: string;
}): boolean {
  if (!input.isEncryptionAvailable) return false;
  if (input.platform !== 'linux') return true;
  return input.backend !== undefined && input.backend !== 'basic_text' && input.backend !== 'unknown';
}

/** A SecretVault on safeStorage; availability is asked each time (a keyring can come and go). */
export function safeStorageVault(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretVault {
  const available = () =>
    vaultAvailable({
      isEncryptionAvailable: safeStorage.isEncryptionAvailable(),
      platform,
      backend: platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
    });
  return {
    available,
    encrypt(plain) {
      if (!available()) throw new AppError('agent.vaultUnavailable');
      return safeStorage.encryptString(plain);
    },
    decrypt(sealed) {
      if (!available()) throw new AppError('agent.vaultUnavailable');
      return safeStorage.decryptString(sealed);
    },
  };
}
