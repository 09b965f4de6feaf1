// The host keys the user accepted, per host name and port, in a JSON
// document. Unlike the vendor's OpenSSH setting (StrictHostKeyChecking no) a
// changed key is never silently accepted: lookup reports it as `changed`.
import { z } from 'zod';
import type { VersionedDocument } from '../storage/conf-store';
import type { DocumentStore } from '../storage/document-store';
import type { HostKey } from './host-key';

export interface KnownHostEntry {
  /** Normalised host as the user typed it (lower case), never the resolved IP. */
  host: string;
  port: number;
  keyType: string;
  keyBase64: string;
  fingerprint: string;
  /** ISO 8601 time of acceptance. */
  addedAt: string;
}

export interface KnownHostsDocument {
  schemaVersion: 1;
  entries: KnownHostEntry[];
}

export type HostKeyStatus =
  | { status: 'known'; entry: KnownHostEntry }
  | { status: 'unknown' }
  | { status: 'changed'; known: KnownHostEntry };

const entrySchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  keyType: z.string().min(1),
  keyBase64: z.string().min(1),
  fingerprint: z.string().startsWith('SHA256:'),
  addedAt: z.string(),
});

/** The stored document; entries are checked one by one on read (see `all`). */
export const knownHostsDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  entries: z.array(z.unknown()),
}) as unknown as z.ZodType<KnownHostsDocument>;

export function emptyKnownHosts(): KnownHostsDocument {
  return { schemaVersion: 1, entries: [] };
}

export const knownHostsDocument: VersionedDocument<KnownHostsDocument> = {
  schema: knownHostsDocumentSchema,
  version: 1,
  defaults: emptyKnownHosts(),
};

/** `Server.Example.` and `server.example` are the same host; `[::1]` is `::1`. */
export function normaliseHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.') && h.length > 1) h = h.slice(0, -1);
  return h;
}

export class KnownHosts {
  constructor(
    private readonly store: DocumentStore<KnownHostsDocument>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  lookup(host: string, port: number, key: HostKey): HostKeyStatus {
    const forHost = this.entriesFor(host, port);
    const match = forHost.find((e) => e.keyType === key.keyType && e.keyBase64 === key.keyBase64);
    if (match) return { status: 'known', entry: match };
    // Why any other key counts as changed (not only one of the same type):
    // our algorithm list is fixed, so a server keeps presenting the same type;
    // a different one is exactly what a man in the middle would show.
    const known = forHost[0];
    return known ? { status: 'changed', known } : { status: 'unknown' };
  }

  /** Stores the key; replaces whatever was remembered for host:port before. */
  remember(host: string, port: number, key: HostKey): KnownHostEntry {
    const entry: KnownHostEntry = {
      host: normaliseHost(host),
      port,
      keyType: key.keyType,
      keyBase64: key.keyBase64,
      fingerprint: key.fingerprint,
      addedAt: this.now().toISOString(),
    };
    const others = this.all().filter((e) => !(e.host === entry.host && e.port === port));
    this.store.write({ schemaVersion: 1, entries: [...others, entry] });
    return entry;
  }

  /** Drops every key remembered for host:port (the explicit "key was renewed" path). */
  forget(host: string, port: number): void {
    const h = normaliseHost(host);
    this.store.write({
      schemaVersion: 1,
      entries: this.all().filter((e) => !(e.host === h && e.port === port)),
    });
  }

  list(): KnownHostEntry[] {
    return this.all();
  }

  /** Names the host a key belongs to (`host`, or `host:port` off 22), for agent confirm prompts. */
  nameOf(fingerprint: string): string | undefined {
    const entry = this.all().find((e) => e.fingerprint === fingerprint);
    if (!entry) return undefined;
    return entry.port === 22 ? entry.host : `${entry.host}:${entry.port}`;
  }

  private entriesFor(host: string, port: number): KnownHostEntry[] {
    const h = normaliseHost(host);
    return this.all().filter((e) => e.host === h && e.port === port);
  }

  private all(): KnownHostEntry[] {
    // Why validate on read: the file is user-editable; a broken entry must
    // not make every other host unknown, nor crash the connect.
    const doc = this.store.read() as Partial<KnownHostsDocument> | undefined;
    const raw: unknown[] = Array.isArray(doc?.entries) ? doc.entries : [];
    return raw.flatMap((e) => {
      const parsed = entrySchema.safeParse(e);
      return parsed.success ? [parsed.data] : [];
    });
  }
}
