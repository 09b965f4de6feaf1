// What the page and the bridge's socket worker (bridge-socket-worker.ts) tell each other.
export type ToSocket =
  { kind: 'connect'; url: string; token: string } | { kind: 'send'; frame: string | Uint8Array };
export type FromSocket =
  { kind: 'open' } | { kind: 'error' } | { kind: 'close' } | { kind: 'frame'; frame: string | ArrayBuffer };
