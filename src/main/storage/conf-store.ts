// A versioned JSON document in the data folder (settings, profiles, known
// hosts, vault, window state), read and validated once at start and kept in
// memory; this process is its only writer (see instance-lock.ts).
//
// We read and write the file ourselves (atomic-file.ts) instead of through
// conf / electron-store: conf falls back to a plain, non-atomic write under
// Snap and on EXDEV, throws on bad JSON from its constructor or (with
// clearInvalidConfig) silently wipes the file. A corrupt or unreadable
// document is moved aside with a timestamp and reported.
import { existsSync, lstatSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { ZodError, type z } from 'zod';
import { removeLeftoverTemps, writeFileAtomicSync } from './atomic-file';
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

/**
 * Builds a conf-compatible store; one for `conf`, one for electron-store.
 * The shells still pass one; documents no longer go through it (see above).
 */
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

/** Why a document could not be used, without quoting its content (parse messages do). */
/** Why a file was refused, as a word for the log: never the parser's message, which quotes the file. */
function describeFailure(error: unknown): string {
  if (error instanceof SyntaxError) return 'notJson';
  if (error instanceof ZodError) return 'schemaMismatch';
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' ? code : 'unreadable';
}

function serialize(value: unknown): string {
  return `${JSON.stringify(value, null, '\t')}\n`;
}

export function openConfDocument<T>(
  _factory: ConfFactory,
  options: { dataDir: string; name: string; now?: () => Date },
  doc: VersionedDocument<T>,
  report: (notice: StorageNotice) => void,
): DocumentStore<T> {
  const file = join(options.dataDir, `${options.name}.json`);
  removeLeftoverTemps(file);
  let initial = doc.defaults;
  let onDisk: string | undefined;
  if (existsSync(file) || isDanglingLink(file)) {
    try {
      onDisk = readFileSync(file, 'utf8');
      initial = upgrade(JSON.parse(onDisk), doc);
    } catch (error) {
      const backup = `${file}.corrupt-${timestamp((options.now ?? (() => new Date()))())}`;
      renameSync(file, backup);
      onDisk = undefined;
      report({ code: 'storage.corruptMovedAside', params: { file, backup }, detail: describeFailure(error) });
    }
  }
  // Write the validated (maybe migrated) document back only if it changed.
  if (onDisk === undefined || JSON.stringify(JSON.parse(onDisk)) !== JSON.stringify(initial)) {
    writeFileAtomicSync(file, serialize(initial));
  }
  let current = initial;
  return {
    path: file,
    read: () => structuredClone(current),
    write: (value) => {
      const next = doc.schema.parse(value);
      writeFileAtomicSync(file, serialize(next));
      current = next;
    },
  };
}

function isDanglingLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
