// Codes of the key wizard, importers and the vendor's key policy.
export const keyErrorCodes = [
  // params: {type, bits?} — the key found; the message names what is accepted.
  'keys.policyRefused',
  // Import. All may carry {source} (the file name) for the UI.
  'keys.empty',
  // params: {maxBytes}
  'keys.tooLarge',
  'keys.publicKeyGiven',
  // params: {format?} — e.g. 'ppk1', 'ssh1', 'ssh.com' when recognised.
  'keys.unsupportedFormat',
  // params: {cipher}
  'keys.unsupportedEncryption',
  'keys.passphraseRequired',
  'keys.wrongPassphrase',
  'keys.corrupt',
  // params: {kdf, parameter, value, limit} — refused before any derivation.
  'keys.kdfTooExpensive',
  // Generation and export.
  'keys.newPassphraseEmpty',
  'keys.commentInvalid',
  'keys.generationFailed',
  // Files. params: {path} (+ {reason}: the system's error code, e.g. EACCES)
  'keys.fileExists',
  'keys.writeFailed',
  'keys.permissionsFailed',
  // The worker thread doing key derivations crashed or did not answer in time.
  'keys.workerFailed',
  'keys.timedOut',
] as const;
