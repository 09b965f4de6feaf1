// Key files handed to the app from outside (a second start's arguments,
// macOS's `open-file` from Finder) go to the agent; those that arrive before
// the backend exists (open-file fires before `ready` when a .ppk starts the
// app) wait here and go in once it does.
export type KeyFileLoader = (files: string[]) => Promise<void>;

export interface KeyFileInbox {
  /** Loads the files now, or keeps them until a loader is attached. */
  add(files: string[]): void;
  /** Attaches the agent; files kept so far go in at once. */
  attach(loader: KeyFileLoader): void;
}

export function createKeyFileInbox(onError: (error: unknown) => void): KeyFileInbox {
  let loader: KeyFileLoader | undefined;
  let waiting: string[] = [];
  const send = (files: string[]) => {
    if (files.length > 0) loader?.(files).catch(onError);
  };
  return {
    add(files) {
      if (loader) send(files);
      else waiting.push(...files);
    },
    attach(next) {
      loader = next;
      const files = waiting;
      waiting = [];
      send(files);
    },
  };
}
