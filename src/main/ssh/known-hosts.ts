// The host keys the user accepted or imported, in a JSON document: several
// per host and port, one per key type (OpenSSH's known_hosts may list an
// ed25519, an ecdsa and an rsa key of one server). Unlike the vendor's OpenSSH
// setting (StrictHostKeyChecking no) a changed key is never silently
// accepted: lookup reports a different key of the same type as `changed`.
import { z } from 'zod';
import type { VersionedDocument } from '../storage/conf-store';
import type { DocumentStore } from '../storage/document-store';
import { isHashedHostToken, matchesHashedHost, normaliseHost } from './hashed-host';
import { hostKeyFromBlob, type HostKey } from './host-key';

export { normaliseHost } from './hashed-host';

interface StoredKey {
  keyType: string;
  keyBase64: string;
  fingerprint: string;
  /** ISO 8601 time of acceptance or import. */
  addedAt: string;
}

/** A key filed under the name the user typed. */
export interface PlainKnownHostEntry extends StoredKey {
  /** Normalised host as the user typed it (lower case), never the resolved IP. */
  host: string;
  port: number;
  hashedHost?: undefined;
}

/** A key imported from a hashed known_hosts line: host and port are only known by matching. */
export interface HashedKnownHostEntry extends StoredKey {
  /** `|1|<base64 salt>|<base64 HMAC-SHA1>` as OpenSSH wrote it (see hashed-host.ts). */
  hashedHost: string;
  host?: undefined;
  port?: undefined;
}

export type KnownHostEntry = PlainKnownHostEntry | HashedKnownHostEntry;

export interface KnownHostsDocument {
  schemaVersion: 2;
  entries: KnownHostEntry[];
}

export type HostKeyStatus =
  | { status: 'known'; entry: KnownHostEntry }
  | { status: 'unknown' }
  | { status: 'changed'; known: KnownHostEntry };

/**
 * A key to import (an `ImportedHostKey` fits): either host and port, or a
 * hashed name. The fingerprint, if given, is ignored and computed from the key.
 */
export interface KnownHostCandidate {
  host?: string | null;
  port?: number | null;
  hashedHost?: string | null;
  keyType: string;
  keyBase64: string;
  fingerprint?: string;
}

export type CandidateStatus = 'new' | 'same' | 'conflict';

export interface CandidateComparison {
  /** invalid: the candidate cannot be stored (its key is not of its type, no host or two). */
  status: CandidateStatus | 'invalid';
  /** conflict: the stored key of the same type. */
  existingFingerprint: string | null;
}

export interface AddResult {
  /** New keys stored. */
  added: number;
  /** Conflicting keys replaced (replace: true). */
  replaced: number;
  /** Already stored as they are. */
  unchanged: number;
  /** Conflicting keys left as stored (replace: false). */
  kept: number;
}

const storedKey = {
  keyType: z.string().min(1),
  keyBase64: z.string().min(1),
  fingerprint: z.string().startsWith('SHA256:'),
  addedAt: z.string(),
};
const plainEntrySchema = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  ...storedKey,
});
const hashedEntrySchema = z.object({
  hashedHost: z.string().refine(isHashedHostToken),
  // A hashed entry that also names a host is neither: skipped as broken.
  host: z.undefined().optional(),
  port: z.undefined().optional(),
  ...storedKey,
});

/** The stored document; entries are checked one by one on read (see `all`). */
export const knownHostsDocumentSchema = z.object({
  schemaVersion: z.literal(2),
  entries: z.array(z.unknown()),
}) as unknown as z.ZodType<KnownHostsDocument>;

export function emptyKnownHosts(): KnownHostsDocument {
  return { schemaVersion: 2, entries: [] };
}

export const knownHostsDocument: VersionedDocument<KnownHostsDocument> = {
  schema: knownHostsDocumentSchema,
  version: 2,
  defaults: emptyKnownHosts(),
  migrations: {
    // Version 2 adds hashed entries. Version 1's plain entries are valid as
    // they are; the bump keeps an older app from rewriting the file without
    // the hashed ones it cannot read. Entries that are not a list are left for
    // the schema to refuse (the file is then moved aside), never dropped here.
    1: (old) => ({ entries: old.entries === undefined ? [] : old.entries }),
  },
};

/** Whom an entry belongs to: a typed name, or a hashed one from an import. */
type HostRef = { host: string; port: number; hashedHost?: undefined } | { hashedHost: string };

function refersTo(entry: KnownHostEntry, ref: HostRef): boolean {
  if (ref.hashedHost === undefined) {
    return entry.hashedHost === undefined
      ? entry.host === ref.host && entry.port === ref.port
      : matchesHashedHost(entry.hashedHost, ref.host, ref.port);
  }
  // Two hashed names of one host with different salts cannot be matched to each other.
  return entry.hashedHost === undefined
    ? matchesHashedHost(ref.hashedHost, entry.host, entry.port)
    : entry.hashedHost === ref.hashedHost;
}

function plainRef(host: string, port: number): HostRef {
  return { host: normaliseHost(host), port };
}

function sameKey(entry: StoredKey, key: Pick<HostKey, 'keyType' | 'keyBase64'>): boolean {
  return entry.keyType === key.keyType && entry.keyBase64 === key.keyBase64;
}

function parseEntry(raw: unknown): KnownHostEntry | undefined {
  if (typeof raw === 'object' && raw !== null && 'hashedHost' in raw) {
    const parsed = hashedEntrySchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const { host: _host, port: _port, ...entry } = parsed.data;
    return entry;
  }
  const parsed = plainEntrySchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export class KnownHosts {
  constructor(
    private readonly store: DocumentStore<KnownHostsDocument>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  lookup(host: string, port: number, key: HostKey): HostKeyStatus {
    const forHost = this.entriesFor(host, port);
    const match = forHost.find((e) => sameKey(e, key));
    if (match) return { status: 'known', entry: match };
    // Only a different key of the same type counts as changed: a server may
    // hold several types, and we may know another one than it presents.
    const known = forHost.find((e) => e.keyType === key.keyType);
    return known ? { status: 'changed', known } : { status: 'unknown' };
  }

  /** The key types stored for host:port, hashed entries included (for the algorithm offer). */
  keyTypesFor(host: string, port: number): string[] {
    return [...new Set(this.entriesFor(host, port).map((e) => e.keyType))];
  }

  /** Stores the key; replaces the key of the same type remembered for host:port, keeps other types. */
  remember(host: string, port: number, key: HostKey): PlainKnownHostEntry {
    const entry: PlainKnownHostEntry = {
      host: normaliseHost(host),
      port,
      keyType: key.keyType,
      keyBase64: key.keyBase64,
      fingerprint: key.fingerprint,
      addedAt: this.now().toISOString(),
    };
    const ref = plainRef(host, port);
    const others = this.all().filter((e) => !(e.keyType === key.keyType && refersTo(e, ref)));
    this.save([...others, entry]);
    return entry;
  }

  /** Drops every key remembered for host:port, hashed ones included (the explicit "key was renewed" path). */
  forget(host: string, port: number): void {
    const ref = plainRef(host, port);
    this.save(this.all().filter((e) => !refersTo(e, ref)));
  }

  /** Every valid entry, plain (`host`, `port`) or hashed (`hashedHost`), e.g. for an exporter. */
  list(): KnownHostEntry[] {
    return this.all();
  }

  /**
   * How an imported key relates to what is stored: `same` if stored as is,
   * `conflict` if the host holds another key of this type, else `new`.
   * Throws on a candidate that names no host (or two) or whose key is not of its type.
   */
  compare(candidate: KnownHostCandidate): CandidateStatus {
    return this.classify(this.all(), toEntry(candidate, '')).status;
  }

  /**
   * `compare` for a whole import at once, reading the stored entries once; a
   * conflict names the stored key's fingerprint, and a candidate that cannot
   * be stored is `invalid` instead of throwing.
   */
  compareAll(candidates: readonly KnownHostCandidate[]): CandidateComparison[] {
    const entries = this.all();
    return candidates.map((candidate) => {
      let entry;
      try {
        entry = toEntry(candidate, '');
      } catch {
        return { status: 'invalid', existingFingerprint: null };
      }
      const { status, conflicting } = this.classify(entries, entry);
      return { status, existingFingerprint: conflicting[0]?.fingerprint ?? null };
    });
  }

  /**
   * Stores imported keys in one write: new ones are added, conflicting ones
   * replace the stored key of their type only if `replace`. All candidates
   * are checked before anything is written.
   */
  add(candidates: readonly KnownHostCandidate[], options: { replace: boolean }): AddResult {
    const addedAt = this.now().toISOString();
    const incoming = candidates.map((c) => toEntry(c, addedAt));
    const result: AddResult = { added: 0, replaced: 0, unchanged: 0, kept: 0 };
    let entries = this.all();
    for (const entry of incoming) {
      const { status, conflicting } = this.classify(entries, entry);
      if (status === 'same') result.unchanged++;
      else if (status === 'new') {
        entries.push(entry);
        result.added++;
      } else if (!options.replace) result.kept++;
      else {
        entries = entries.filter((e) => !conflicting.includes(e));
        entries.push(entry);
        result.replaced++;
      }
    }
    if (result.added + result.replaced > 0) this.save(entries);
    return result;
  }

  /** Names the host a key belongs to (`host`, or `host:port` off 22), for agent confirm prompts. */
  nameOf(fingerprint: string): string | undefined {
    const entry = this.all().find(
      (e): e is PlainKnownHostEntry => e.hashedHost === undefined && e.fingerprint === fingerprint,
    );
    if (!entry) return undefined;
    return entry.port === 22 ? entry.host : `${entry.host}:${entry.port}`;
  }

  private classify(
    entries: KnownHostEntry[],
    candidate: KnownHostEntry,
  ): { status: CandidateStatus; conflicting: KnownHostEntry[] } {
    const ref: HostRef =
      candidate.hashedHost === undefined
        ? { host: candidate.host, port: candidate.port }
        : { hashedHost: candidate.hashedHost };
    const sameType = entries.filter((e) => e.keyType === candidate.keyType && refersTo(e, ref));
    if (sameType.some((e) => sameKey(e, candidate))) return { status: 'same', conflicting: [] };
    return sameType.length > 0
      ? { status: 'conflict', conflicting: sameType }
      : { status: 'new', conflicting: [] };
  }

  private entriesFor(host: string, port: number): KnownHostEntry[] {
    const ref = plainRef(host, port);
    return this.all().filter((e) => refersTo(e, ref));
  }

  private save(entries: KnownHostEntry[]): void {
    this.store.write({ schemaVersion: 2, entries });
  }

  private all(): KnownHostEntry[] {
    // Why validate on read: the file is user-editable; a broken entry must
    // not make every other host unknown, nor crash the connect.
    const doc = this.store.read() as Partial<KnownHostsDocument> | undefined;
    const raw: unknown[] = Array.isArray(doc?.entries) ? doc.entries : [];
    return raw.flatMap((e) => {
      const entry = parseEntry(e);
      return entry ? [entry] : [];
    });
  }
}

/** A candidate as it would be stored; throws on one that cannot be. */
function toEntry(candidate: KnownHostCandidate, addedAt: string): KnownHostEntry {
  // The key decides type and fingerprint, so a mislabelled import cannot mislead lookup or nameOf.
  const key = hostKeyFromBlob(Buffer.from(candidate.keyBase64, 'base64'));
  if (key.keyType !== candidate.keyType || key.keyBase64 !== candidate.keyBase64)
    throw new Error('known host candidate: key does not match its type');
  const stored = { keyType: key.keyType, keyBase64: key.keyBase64, fingerprint: key.fingerprint, addedAt };
  const { host, port, hashedHost } = candidate;
  if (hashedHost != null && host == null && port == null) {
    if (!isHashedHostToken(hashedHost)) throw new Error('known host candidate: malformed hashed name');
    return { hashedHost, ...stored };
  }
  if (hashedHost == null && host != null && port != null) {
    const entry = plainEntrySchema.safeParse({ host: normaliseHost(host), port, ...stored });
    if (!entry.success) throw new Error('known host candidate: bad host or port');
    return { host: entry.data.host, port: entry.data.port, ...stored };
  }
  throw new Error('known host candidate: needs host and port, or a hashed name');
}
