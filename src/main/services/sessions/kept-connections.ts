// Authenticated connections kept for reuse, like OpenSSH's ControlMaster with
// ControlPersist 28800: new tabs and Reconnect to the same hop and user run on
// a live connection with no new login (no new DUO approval). A connection is
// kept `keepMs` after its last user left (a tab, or a backup connection
// running through a portal); two tabs opened at once share one login.
import { randomUUID } from 'node:crypto';
import type { KeptConnection } from '../../../shared/contract/sessions';
import type { SshConnection } from '../../ssh/connection';

export interface HopSpec {
  role: 'portal' | 'backup';
  host: string;
  port: number;
  username: string;
  /** Forward the agent to this hop (the profile's choice, last hop only): such a connection is kept apart. */
  agentForward: boolean;
}

export interface KeptEntry {
  readonly id: string;
  readonly spec: HopSpec;
  readonly via: KeptEntry | null;
  readonly connection: SshConnection;
  readonly connectedAt: number;
  users: number;
  idleTimer?: NodeJS.Timeout;
  idleUntil: number | null;
}

export interface KeptConnectionsOptions {
  /** How long an unused connection is kept (read at release time: a settings change applies next time). */
  keepMs: () => number;
  onChange: (list: KeptConnection[]) => void;
  now?: () => number;
}

/** Connections are shared only for the same hop, user and path (a backup through another portal is another). */
function keyOf(spec: HopSpec, via: KeptEntry | null): string {
  return JSON.stringify([
    spec.role,
    spec.host.toLowerCase(),
    spec.port,
    spec.username,
    spec.agentForward,
    via?.id ?? null,
  ]);
}

export class KeptConnections {
  private readonly entries = new Map<string, KeptEntry>();
  private readonly pending = new Map<string, Promise<KeptEntry>>();
  private readonly now: () => number;

  constructor(private readonly options: KeptConnectionsOptions) {
    this.now = options.now ?? Date.now;
  }

  /** A live connection for this hop, if one is kept. */
  private find(spec: HopSpec, via: KeptEntry | null): KeptEntry | undefined {
    const entry = this.entries.get(keyOf(spec, via));
    return entry?.connection.isOpen ? entry : undefined;
  }

  /**
   * The kept connection for `spec` (one more user), or a new one made by
   * `login`. `reused` says whether no new login was needed.
   */
  async acquire(
    spec: HopSpec,
    via: KeptEntry | null,
    login: () => Promise<SshConnection>,
  ): Promise<{ entry: KeptEntry; reused: boolean }> {
    const key = keyOf(spec, via);
    const live = this.find(spec, via);
    if (live) return { entry: this.use(live), reused: true };
    const running = this.pending.get(key);
    if (running) return { entry: this.use(await running), reused: true };

    const made = login().then((connection) => this.add(key, spec, via, connection));
    this.pending.set(key, made);
    try {
      return { entry: this.use(await made), reused: false };
    } finally {
      this.pending.delete(key);
    }
  }

  /** One user fewer; the last one starts the keep timer (0: closes at once). */
  release(entry: KeptEntry): void {
    entry.users = Math.max(0, entry.users - 1);
    if (entry.users === 0 && entry.connection.isOpen) {
      const keepMs = this.options.keepMs();
      if (keepMs <= 0) {
        void entry.connection.close();
        return;
      }
      entry.idleUntil = this.now() + keepMs;
      entry.idleTimer = setTimeout(() => void entry.connection.close(), keepMs);
      entry.idleTimer.unref?.();
    }
    this.changed();
  }

  /** Ends a kept connection (its tabs and the backup connections through it end with it). */
  async close(id: string): Promise<boolean> {
    const entry = [...this.entries.values()].find((e) => e.id === id);
    if (!entry) return false;
    await entry.connection.close();
    return true;
  }

  list(): KeptConnection[] {
    return [...this.entries.values()].map((entry) => this.describe(entry));
  }

  describe(entry: KeptEntry): KeptConnection {
    return {
      id: entry.id,
      role: entry.spec.role,
      host: entry.spec.host,
      port: entry.spec.port,
      username: entry.spec.username,
      viaId: entry.via?.id ?? null,
      connectedAt: entry.connectedAt,
      users: entry.users,
      reusableUntil: entry.users > 0 ? null : entry.idleUntil,
    };
  }

  async dispose(): Promise<void> {
    // Backup connections first: closing a portal under them would only make them fail noisily.
    const entries = [...this.entries.values()].sort(
      (a, b) => Number(b.via !== null) - Number(a.via !== null),
    );
    for (const entry of entries) await entry.connection.close();
  }

  private use(entry: KeptEntry): KeptEntry {
    entry.users++;
    clearTimeout(entry.idleTimer);
    entry.idleTimer = undefined;
    entry.idleUntil = null;
    this.changed();
    return entry;
  }

  private add(key: string, spec: HopSpec, via: KeptEntry | null, connection: SshConnection): KeptEntry {
    const entry: KeptEntry = {
      id: randomUUID(),
      spec,
      via,
      connection,
      connectedAt: this.now(),
      users: 0,
      idleUntil: null,
    };
    this.entries.set(key, entry);
    // A backup connection holds its portal like a tab does.
    if (via) this.use(via);
    connection.onClose(() => {
      clearTimeout(entry.idleTimer);
      if (this.entries.get(key) === entry) this.entries.delete(key);
      if (via) this.release(via);
      this.changed();
    });
    return entry;
  }

  private changed(): void {
    this.options.onChange(this.list());
  }
}
