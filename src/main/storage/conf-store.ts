// A DocumentStore on top of `conf` (plain Node) or electron-store (Electron,
// which extends conf). Both are created through `ConfLike` with the same
// options, so the two runtimes behave identically; conf writes atomically
// (temp file + rename), so a crash never leaves half a file.
//
// Before conf touches the file we read and validate it ourselves: conf would
// either throw on bad JSON or (with clearInvalidConfig) silently wipe it. A
// corrupt or unreadable document is moved aside with a timestamp and reported.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import type { z } from 'zod';
import type { DocumentStore } from './document-store';
import type { StorageNotice } from './notices';

/** The part of conf's / electron-store's API we use. */
export interface ConfLike {
  store: Record<string, unknown>;
  readonly path: string;
}

export interface ConfOptions {
  /** Folder of the file. */
  cwd: string;
  /** File name without `.json`. */
  name: string;
  defaults: Record<string, unknown>;
}

/** Builds a conf-compatible store; one for `conf`, one for electron-store. */
export type ConfFactory = (options: ConfOptions) => ConfLike;

export interface VersionedDocument<T> {
  /** Schema of the current version (must include `schemaVersion`). */
  schema: z.ZodType<T>;
  version: number;
  defaults: T;
  /** Upgrades an older document one step at a time: key = version it upgrades from. */
  migrations?: Record<number, (old: Record<string, unknown>) => Record<string, unknown>>;
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

function upgrade<T>(raw: unknown, doc: VersionedDocument<T>): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('not an object');
  let value = raw as Record<string, unknown>;
  let version = typeof value.schemaVersion === 'number' ? value.schemaVersion : 0;
  if (version > doc.version) throw new Error(`written by a newer version (${version})`);
  while (version < doc.version) {
    const step = doc.migrations?.[version];
    if (!step) throw new Error(`no migration from version ${version}`);
    value = { ...step(value), schemaVersion: version + 1 };
    version += 1;
  }
  return doc.schema.parse(value);
}

export function openConfDocument<T>(
  factory: ConfFactory,
  options: { dataDir: string; name: string; now?: () => Date },
  doc: VersionedDocument<T>,
  report: (notice: StorageNotice) => void,
): DocumentStore<T> {
  const file = `${options.dataDir}/${options.name}.json`;
  let initial = doc.defaults;
  if (existsSync(file)) {
    try {
      initial = upgrade(JSON.parse(readFileSync(file, 'utf8')), doc);
    } catch (error) {
      const backup = `${file}.corrupt-${timestamp((options.now ?? (() => new Date()))())}`;
      renameSync(file, backup);
      report({ code: 'storage.corruptMovedAside', params: { file, backup }, detail: String(error) });
    }
  }
  const conf = factory({ cwd: options.dataDir, name: options.name, defaults: {} });
  // Write the validated (maybe migrated) document back only if it changed.
  if (JSON.stringify(conf.store) !== JSON.stringify(initial)) conf.store = initial as Record<string, unknown>;
  // This process is the file's only writer: keep the document in memory
  // instead of letting conf read and parse the file on every access.
  let current = initial;
  return {
    path: conf.path,
    read: () => structuredClone(current),
    write: (value) => {
      const next = doc.schema.parse(value);
      conf.store = next as Record<string, unknown>;
      current = next;
    },
  };
}
