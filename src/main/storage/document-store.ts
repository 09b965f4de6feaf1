// One JSON document on disk (settings, profiles, known hosts), read and
// written whole. Implementations: `conf` in Node, electron-store in Electron,
// both built with the same options; an in-memory one for tests.
export interface DocumentStore<T> {
  /** Absolute path of the file, for messages. */
  readonly path: string;
  read(): T;
  /** Replaces the document atomically (write to a temp file, then rename). */
  write(value: T): void;
}

export function createMemoryStore<T>(initial: T): DocumentStore<T> {
  let value = structuredClone(initial);
  return {
    path: ':memory:',
    read: () => structuredClone(value),
    write: (next) => {
      value = structuredClone(next);
    },
  };
}
