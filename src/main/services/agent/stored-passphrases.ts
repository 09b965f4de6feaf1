// Passphrases of remembered keys, kept only when the user opts in and only
// sealed by the OS keychain (Electron's safeStorage; see
// electron/safe-storage-vault.ts). The sealed bytes live in their own
// document (`<data dir>/vault.json`, 0600), never in settings, never in logs,
// never sent to the renderer. The headless host has no vault: the option is
// then not offered.
import { z } from 'zod';
import { AppError } from '../../core/app-error';
import type { VersionedDocument } from '../../storage/conf-store';
import type { DocumentStore } from '../../storage/document-store';

/** Seals strings with a key the OS keeps for the user (keychain, DPAPI, libsecret). */
export interface SecretVault {
  /** False when sealing would not be real protection (or is not possible): the option is not offered. */
  available(): boolean;
  /** Throws when sealing fails. */
  encrypt(plain: string): Buffer;
  /** Throws when the sealed bytes cannot be opened (keychain changed, bytes damaged). */
  decrypt(sealed: Buffer): string;
}

export const VAULT_VERSION = 1;

export const vaultDocumentSchema = z.object({
  schemaVersion: z.literal(VAULT_VERSION),
  entries: z
    .array(
      z.object({
        /** The key file, as in settings.agentKeyPaths. */
        path: z.string().min(1).max(4096),
        /** The passphrase as sealed by the vault, base64. */
        sealed: z.base64().max(16_384),
      }),
    )
    .max(64),
});
export type VaultDocument = z.infer<typeof vaultDocumentSchema>;

export const emptyVaultDocument = (): VaultDocument => ({ schemaVersion: VAULT_VERSION, entries: [] });

export const vaultDocument: VersionedDocument<VaultDocument> = {
  schema: vaultDocumentSchema,
  version: VAULT_VERSION,
  defaults: emptyVaultDocument(),
};

/** The stored passphrases by key path, sealed by a vault (none: nothing can be stored or opened). */
export class StoredPassphrases {
  constructor(
    private readonly store: DocumentStore<VaultDocument>,
    private readonly vault?: SecretVault,
  ) {}

  /** Whether passphrases can be stored (and opened) now. */
  available(): boolean {
    if (!this.vault) return false;
    try {
      return this.vault.available();
    } catch {
      return false;
    }
  }

  has(path: string): boolean {
    return this.store.read().entries.some((entry) => entry.path === path);
  }

  /** Seals and stores (or replaces) the passphrase of `path`. */
  put(path: string, passphrase: string): void {
    if (!this.vault || !this.available()) throw new AppError('agent.vaultUnavailable');
    const sealed = this.vault.encrypt(passphrase).toString('base64');
    const doc = this.store.read();
    this.store.write({
      ...doc,
      entries: [...doc.entries.filter((entry) => entry.path !== path), { path, sealed }],
    });
  }

  /** The passphrase of `path`; null when none is stored. Throws when it cannot be opened. */
  reveal(path: string): string | null {
    const entry = this.store.read().entries.find((e) => e.path === path);
    if (!entry) return null;
    if (!this.vault || !this.available()) throw new AppError('agent.vaultUnavailable');
    return this.vault.decrypt(Buffer.from(entry.sealed, 'base64'));
  }

  /** Drops the passphrase of `path`; true when there was one. */
  delete(path: string): boolean {
    return this.retainWhere((entry) => entry.path !== path);
  }

  /** Drops the passphrases of paths not in `paths` (keys no longer remembered); true when any went. */
  retain(paths: readonly string[]): boolean {
    const keep = new Set(paths);
    return this.retainWhere((entry) => keep.has(entry.path));
  }

  private retainWhere(keep: (entry: VaultDocument['entries'][number]) => boolean): boolean {
    const doc = this.store.read();
    const entries = doc.entries.filter(keep);
    if (entries.length === doc.entries.length) return false;
    this.store.write({ ...doc, entries });
    return true;
  }
}
