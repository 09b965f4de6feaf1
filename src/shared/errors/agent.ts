// Codes of the agent (key store, protocol, transports).
export const agentErrorCodes = [
  'agent.noKeys',
  // The agent is locked (ssh-add -x or the app's lock): no signing, no adding.
  'agent.locked',
  'agent.alreadyLocked',
  'agent.notLocked',
  'agent.wrongLockPassphrase',
  // params: {fingerprint}
  'agent.keyNotFound',
  // params: {fingerprint, comment} — the user (or nobody) denied a confirm-each-use prompt.
  'agent.confirmDenied',
  // params: {file, reason}
  'agent.keyFileUnreadable',
  // No importer was wired into the store (programming error, shown as such).
  'agent.importUnavailable',
  // params: {reason} — a key sent by a client could not be read.
  'agent.malformedKey',
  // params: {reason}
  'agent.signFailed',
  // params: {path} — a live agent of another instance listens there.
  'agent.socketInUse',
  // params: {path, reason} — folder/socket not ours or not private.
  'agent.socketPathUnsafe',
  // params: {path, reason}
  'agent.socketFailed',
  // params: {name}
  'agent.pipeInUse',
  // params: {feature}
  'agent.platformUnsupported',
  // params: {library, reason} — a Windows DLL (or the FFI itself, library "koffi") could not be loaded.
  'agent.windowsApiUnavailable',
  // params: {call, code} — a Windows API call failed; code is GetLastError().
  'agent.windowsCallFailed',
  // Storing a passphrase was asked for, but there is no OS keychain to seal it (or it is no real protection).
  'agent.vaultUnavailable',
  // Storing a passphrase was asked for a key that is not remembered.
  'agent.storePassphraseNeedsRemember',
  // params: {file} — the key was loaded and remembered, but sealing its passphrase failed.
  'agent.passphraseNotStored',
  // params: {file} — at start the stored passphrase could not be opened or was wrong: dropped, asked instead.
  'agent.storedPassphraseFailed',
] as const;
