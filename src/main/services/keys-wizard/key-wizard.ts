// The key wizard's work in main: generate and save a new key, or read an
// existing one, then load it into the agent and make it the default key.
// Private material stays here; callers get public information only.
import type { z } from 'zod';
import type { KeyInfo, KeyResult, generateKeyInputSchema } from '../../../shared/contract/keys';
import type { AgentKeyStore } from '../../agent';
import { AppError } from '../../core/app-error';
import { requireUserPath } from '../../core/user-path';
import { exportPpk, generateKey, importPrivateKey, writePrivateKeyFile } from '../../keys';
import { errnoCode } from '../../keys/files/path-exists';
import { createFileAtomicSync, writeFileAtomicSync } from '../../storage/atomic-file';
import { keyInfoOf } from '../../keys/key-info';
import type { SettingsService } from '../settings/settings-service';
import { filesOfNewKey, firstExisting, ppkPathFor, publicKeyPathFor } from './paths';

export interface KeyWizardDeps {
  agent: AgentKeyStore;
  settings: SettingsService;
  /** Test seam: the home folder for `~/` paths. */
  home?: string;
}

/** `keys.generate`'s input after validation (defaults applied). */
export type NewKeyRequest = z.output<typeof generateKeyInputSchema>;

function result(info: KeyInfo, files: Omit<KeyResult, keyof KeyInfo>): KeyResult {
  return { ...keyInfoOf(info), ...files };
}

export class KeyWizard {
  constructor(private readonly deps: KeyWizardDeps) {}

  async generate(request: NewKeyRequest): Promise<KeyResult> {
    const path = requireUserPath(request.path, this.deps.home);
    const files = filesOfNewKey(path, request.ppkCopy);
    // Ask before the slow part: nothing is generated for a name that is taken.
    if (!request.overwrite) {
      const taken = await firstExisting(files);
      if (taken) throw new AppError('keys.fileExists', { path: taken });
    }

    const generated = await generateKey({
      type: request.type,
      comment: request.comment,
      passphrase: request.passphrase,
    });
    // Read back what will be written: proves the passphrase opens it, and
    // gives the agent (and the .ppk export) the key itself.
    const loaded = await importPrivateKey(Buffer.from(generated.privateKeyOpenSsh, 'utf8'), {
      passphrase: request.passphrase,
      source: path,
    });
    if (loaded.fingerprint !== generated.info.fingerprint) throw new AppError('keys.generationFailed');
    const ppk = request.ppkCopy ? await exportPpk(loaded, request.passphrase) : null;

    await writePrivateKeyFile(path, generated.privateKeyOpenSsh, { overwrite: request.overwrite });
    const publicKeyPath = publicKeyPathFor(path);
    await writePublicKeyFile(publicKeyPath, `${generated.info.publicKey}\n`, request.overwrite);
    let ppkPath: string | null = null;
    if (ppk !== null) {
      ppkPath = ppkPathFor(path);
      await writePrivateKeyFile(ppkPath, ppk, { overwrite: request.overwrite });
    }

    const info = this.deps.agent.add(loaded, { source: path });
    this.deps.settings.update({ defaultKeyPath: path });
    return result(info, { path, publicKeyPath, ppkPath });
  }

  async importFile(rawPath: string, passphrase: string | undefined): Promise<KeyResult> {
    const path = requireUserPath(rawPath, this.deps.home);
    // The agent reads the file, applies the policy and keeps the key under its path.
    const info = await this.deps.agent.addFromFile(path, passphrase || undefined);
    this.deps.settings.update({ defaultKeyPath: path });
    return result(info, { path, publicKeyPath: null, ppkPath: null });
  }

  status(): { agentKeyCount: number; defaultKeyPath: string } {
    return {
      agentKeyCount: this.deps.agent.list().length,
      defaultKeyPath: this.deps.settings.get().defaultKeyPath,
    };
  }
}

async function writePublicKeyFile(path: string, line: string, overwrite: boolean): Promise<void> {
  try {
    // Whole or not at all, like every file the app writes, and owner-only
    // (ssh-keygen makes it 0644): its comment is the person's e-mail address.
    if (overwrite) writeFileAtomicSync(path, line);
    else createFileAtomicSync(path, line);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'EEXIST') throw new AppError('keys.fileExists', { path }, { cause: error });
    throw new AppError('keys.writeFailed', { path, reason: code }, { cause: error });
  }
}
