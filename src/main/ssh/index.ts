// Public API of the SSH capability: connect, host keys, and the injected
// interfaces the UI implements.
export {
  connectSsh,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_KEEPALIVE_INTERVAL_MS,
  DEFAULT_PORT,
} from './connect';
export type { ConnectSshOptions, SshAuth } from './connect';
export { SshConnection, type CloseListener } from './connection';
export { KnownHosts, emptyKnownHosts, normaliseHost } from './known-hosts';
export type { HostKeyStatus, KnownHostEntry, KnownHostsDocument } from './known-hosts';
export { hostKeyFromBlob, hostKeyFromOpenSshLine, sha256Fingerprint, type HostKey } from './host-key';
export { createHostKeyVerifier, decideHostKey } from './host-key-verifier';
export type { HostKeyOutcome, HostKeyVerification, HostKeyVerifierOptions } from './host-key-verifier';
export { mapSshError } from './errors';
export { systemLookup, type LookupFn, type LookupResult } from './tcp';
export type {
  AuthProgress,
  HostKeyDecision,
  HostKeyPrompter,
  HostKeyQuestion,
  KeyboardInteractivePrompt,
  KeyboardInteractivePrompter,
  KeyboardInteractiveRequest,
} from './prompters';
