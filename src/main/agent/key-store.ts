// The agent's keys: what Pageant and ssh-agent hold in memory. One store
// serves every client (the app's own connections through the ssh2 adapter,
// ssh/ssh-add through the socket, PuTTY through the pipe), so policy, lock,
// lifetimes and confirm-each-use apply the same way to all of them.
import { readFile as fsReadFile } from 'node:fs/promises';
import { AppError, isAppError } from '../core/app-error';
import { checkKeyPolicy } from '../keys/policy';
import type { LoadedPrivateKey } from '../keys/types';
import { systemClock, type Clock, type TimerHandle } from './clock';
import { Listeners } from './listeners';
import { LockSecret, passphraseBytes } from './lock-secret';
import { fingerprintOf } from '../keys/public-key';
import { signData, type Signature } from './signing';
import type {
  AddOptions,
  AgentKeyInfo,
  AgentRefusal,
  AgentState,
  ConfirmHandler,
  KeyImporter,
  SignContext,
} from './types';
import { keyInfoOf } from '../keys/key-info';

export interface AgentKeyStoreOptions {
  /** Reads OpenSSH/.ppk files (src/main/keys importPrivateKey). Needed by addFromFile only. */
  importer?: KeyImporter;
  /** Answers confirm-each-use prompts. Without one, such keys are never used. */
  confirm?: ConfirmHandler;
  clock?: Clock;
  readFile?: (path: string) => Promise<Buffer>;
  /**
   * Delay before a wrong unlock is answered, growing with each failure, as
   * ssh-agent does against guessing (100 ms per failure, at most 10 s).
   */
  unlockFailureDelayMs?: (failures: number) => number;
}

interface Entry {
  key: LoadedPrivateKey;
  info: AgentKeyInfo;
  timer: TimerHandle | null;
}

/** A protocol client's view of a key: public blob and comment only. */
export interface Identity {
  blob: Buffer;
  comment: string;
}

const defaultUnlockDelay = (failures: number) => Math.min(failures * 100, 10_000);

export class AgentKeyStore {
  private readonly entries = new Map<string, Entry>();
  private readonly changes = new Listeners<AgentState>();
  private readonly refusals = new Listeners<AgentRefusal>();
  private readonly clock: Clock;
  private lockSecret: LockSecret | null = null;
  private lockPending = false;
  private unlockFailures = 0;

  constructor(private readonly options: AgentKeyStoreOptions = {}) {
    this.clock = options.clock ?? systemClock;
  }

  get locked(): boolean {
    return this.lockSecret !== null;
  }

  get state(): AgentState {
    return { keyCount: this.entries.size, locked: this.locked };
  }

  /** Key count or lock state changed (for the tray and the key list). */
  onChange(listener: (state: AgentState) => void): () => void {
    return this.changes.subscribe(listener);
  }

  /** A key was refused (policy, unsupported type, unreadable material). */
  onRefusal(listener: (refusal: AgentRefusal) => void): () => void {
    return this.refusals.subscribe(listener);
  }

  /**
   * Adds a key (or replaces the constraints of one already loaded, as
   * ssh-agent does). The vendor's policy applies: `keys.policyRefused`
   * is thrown and reported as a refusal.
   */
  add(key: LoadedPrivateKey, options: AddOptions = {}): AgentKeyInfo {
    const source = options.source ?? 'app';
    const verdict = checkKeyPolicy({ type: key.type, bits: key.bits });
    if (!verdict.ok) {
      this.reportRefusal({
        type: key.type,
        bits: key.bits,
        comment: key.comment,
        source,
        error: verdict.error,
      });
      throw verdict.error;
    }
    if (this.locked) throw new AppError('agent.locked');
    const expected = key.type === 'ssh-ed25519' ? 'ed25519' : 'rsa';
    if (key.privateKey.type !== 'private' || key.privateKey.asymmetricKeyType !== expected) {
      throw new AppError('agent.malformedKey', { reason: 'private key does not match its type' });
    }
    // The fingerprint is recomputed from the blob: it is the store's identity
    // for a key and must not depend on what a caller claims.
    const fingerprint = fingerprintOf(key.blob);
    const constraints = options.constraints ?? {};
    const lifetime = constraints.lifetimeSeconds;
    const now = this.clock.now();
    const previous = this.entries.get(fingerprint);
    previous?.timer?.cancel();
    const info: AgentKeyInfo = {
      ...keyInfoOf(key),
      fingerprint,
      source,
      addedAt: now,
      useCount: 0,
      lastUsedAt: null,
      confirm: constraints.confirm === true,
      expiresAt: lifetime !== undefined && lifetime > 0 ? now + lifetime * 1000 : null,
    };
    const entry: Entry = { key, info, timer: null };
    if (info.expiresAt !== null) {
      entry.timer = this.clock.setTimer(() => {
        // Only if this very entry is still there: a re-add replaced the timer.
        if (this.entries.get(fingerprint) === entry) this.drop(fingerprint);
      }, info.expiresAt - now);
    }
    this.entries.delete(fingerprint); // re-adds move to the end, like a fresh add
    this.entries.set(fingerprint, entry);
    if (!previous) this.emitChange();
    return { ...info };
  }

  /** Reads a key file through the injected importer (OpenSSH or .ppk) and adds it. */
  async addFromFile(
    path: string,
    passphrase?: string,
    options: Omit<AddOptions, 'source'> = {},
  ): Promise<AgentKeyInfo> {
    const importer = this.options.importer;
    if (!importer) throw new AppError('agent.importUnavailable');
    let data: Buffer;
    try {
      data = await (this.options.readFile ?? fsReadFile)(path);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException)?.code ?? 'read error';
      throw new AppError('agent.keyFileUnreadable', { file: path, reason }, { cause: error });
    }
    let key: LoadedPrivateKey;
    try {
      key = await importer(data, { passphrase, source: path });
    } catch (error) {
      if (isAppError(error) && error.code === 'keys.policyRefused') {
        this.reportRefusal({
          type: String(error.params.type ?? 'unknown'),
          bits: Number(error.params.bits ?? 0),
          comment: '',
          source: path,
          error: error.toInfo(),
        });
      }
      throw error;
    } finally {
      // The file may hold an unencrypted key: do not leave it in the heap.
      data.fill(0);
    }
    return this.add(key, { ...options, source: path });
  }

  /** Every loaded key, for the UI (also while locked). */
  list(): AgentKeyInfo[] {
    this.expireDue();
    return [...this.entries.values()].map((entry) => ({ ...entry.info }));
  }

  /** What protocol clients see: nothing while locked, like ssh-agent. */
  identities(): Identity[] {
    this.expireDue();
    if (this.locked) return [];
    return [...this.entries.values()].map((entry) => ({ blob: entry.key.blob, comment: entry.key.comment }));
  }

  remove(fingerprint: string): boolean {
    return this.drop(fingerprint);
  }

  removeByBlob(blob: Buffer): boolean {
    return this.drop(fingerprintOf(blob));
  }

  removeAll(): number {
    const count = this.entries.size;
    for (const entry of this.entries.values()) entry.timer?.cancel();
    this.entries.clear();
    if (count > 0) this.emitChange();
    return count;
  }

  async lock(passphrase: string | Buffer): Promise<void> {
    if (this.locked || this.lockPending) throw new AppError('agent.alreadyLocked');
    this.lockPending = true;
    try {
      this.lockSecret = await LockSecret.create(passphraseBytes(passphrase));
    } finally {
      this.lockPending = false;
    }
    this.unlockFailures = 0;
    this.emitChange();
  }

  async unlock(passphrase: string | Buffer): Promise<void> {
    const secret = this.lockSecret;
    if (!secret) throw new AppError('agent.notLocked');
    if (await secret.matches(passphraseBytes(passphrase))) {
      if (this.lockSecret === secret) {
        this.lockSecret = null;
        this.unlockFailures = 0;
        this.emitChange();
      }
      return;
    }
    this.unlockFailures = Math.min(this.unlockFailures + 1, 100);
    const delay = (this.options.unlockFailureDelayMs ?? defaultUnlockDelay)(this.unlockFailures);
    if (delay > 0) await new Promise<void>((resolve) => this.clock.setTimer(resolve, delay));
    throw new AppError('agent.wrongLockPassphrase');
  }

  /**
   * Signs `data` with the key whose public blob is `blob`. Confirm-each-use
   * keys ask the injected handler first; a denial, an error of the handler,
   * or a lock/removal while it was asking all refuse.
   */
  async sign(blob: Buffer, data: Buffer, flags: number, context: SignContext): Promise<Signature> {
    const fingerprint = fingerprintOf(blob);
    let entry = this.usable(fingerprint);
    if (entry.info.confirm) {
      const confirm = this.options.confirm;
      let approved: boolean;
      try {
        // Only a literal `true` approves; no handler, an error or anything else denies.
        approved = confirm ? (await confirm({ ...context, key: { ...entry.info } })) === true : false;
      } catch {
        approved = false;
      }
      if (!approved) {
        throw new AppError('agent.confirmDenied', { fingerprint, comment: entry.info.comment });
      }
      // The world may have changed while the user thought about it.
      entry = this.usable(fingerprint);
    }
    let signature: Signature;
    try {
      signature = await signData(entry.key.type, entry.key.privateKey, data, flags);
    } catch (error) {
      throw new AppError('agent.signFailed', { reason: (error as Error).message }, { cause: error });
    }
    entry.info.useCount += 1;
    entry.info.lastUsedAt = this.clock.now();
    return signature;
  }

  /** Reports a key that never became a LoadedPrivateKey (e.g. ECDSA via ssh-add). */
  reportRefusal(refusal: Omit<AgentRefusal, 'error'> & { error: AgentRefusal['error'] | AppError }): void {
    const error = refusal.error instanceof AppError ? refusal.error.toInfo() : refusal.error;
    this.refusals.emit({ ...refusal, error });
  }

  /** Drops every key and timer (app shutdown). */
  dispose(): void {
    this.removeAll();
  }

  private usable(fingerprint: string): Entry {
    this.expireDue();
    if (this.locked) throw new AppError('agent.locked');
    const entry = this.entries.get(fingerprint);
    if (!entry) throw new AppError('agent.keyNotFound', { fingerprint });
    return entry;
  }

  // Timers can fire late (suspend, busy loop); the clock is the truth.
  private expireDue(): void {
    const now = this.clock.now();
    for (const [fingerprint, entry] of this.entries) {
      if (entry.info.expiresAt !== null && entry.info.expiresAt <= now) this.drop(fingerprint);
    }
  }

  // Node cannot wipe a KeyObject's memory; dropping every reference is as far
  // as we can go, and the garbage collector frees the OpenSSL key.
  private drop(fingerprint: string): boolean {
    const entry = this.entries.get(fingerprint);
    if (!entry) return false;
    entry.timer?.cancel();
    this.entries.delete(fingerprint);
    (entry as { key: LoadedPrivateKey | null }).key = null;
    this.emitChange();
    return true;
  }

  private emitChange(): void {
    this.changes.emit(this.state);
  }
}
