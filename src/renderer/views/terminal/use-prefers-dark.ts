// Whether the system is in dark mode now (prefers-color-scheme), following it
// when it changes: the terminal theme "system" switches with the OS.
import { useSyncExternalStore } from 'react';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribe(onChange: () => void): () => void {
  const query = darkQuery();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

export function usePrefersDark(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => darkQuery().matches,
    () => true,
  );
}
