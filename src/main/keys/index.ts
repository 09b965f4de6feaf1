// The key capability's public API: import, policy, generation, export, files.
// Plain Node (no Electron); heavy work runs in the key worker thread.
export { importPrivateKey } from './import/import-private-key';
export { generateKey, type GenerateKeyRequest, type GeneratedKey } from './generate';
export { exportPpk } from './export-ppk';
export { writePrivateKeyFile, type WritePrivateKeyOptions } from './files/write-private-key-file';
export { fingerprintOf, publicKeyLine, parsePublicKeyLine, describeBlob } from './public-key';
export { checkKeyPolicy, assertKeyPolicy, ACCEPTED_RSA_BITS } from './policy';
export { shutdownKeyWorker } from './worker/pool';
export { MAX_KEY_FILE_BYTES } from './limits';
export type { PublicKeyInfo, LoadedPrivateKey, ImportOptions } from './types';
