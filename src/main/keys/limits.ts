// Caps that keep a hostile or broken key file from exhausting memory or CPU.
// Every KDF parameter is checked against these BEFORE anything is derived.

/** Key files are a few KiB; anything above this is not a key. */
export const MAX_KEY_FILE_BYTES = 1024 * 1024;

/**
 * OpenSSH bcrypt rounds: ssh-keygen's default is 16, cautious guides say 100.
 * ssh2's bcrypt is JavaScript: measured 25-30 ms per round on the 2-core
 * build machine under load (100 rounds: 2.8 s), so 256 rounds (~7 s) is the
 * most we are willing to spend.
 */
export const MAX_BCRYPT_ROUNDS = 256;
/** bcrypt salt: OpenSSH writes 16 bytes. */
export const MAX_BCRYPT_SALT_BYTES = 1024;

/** Argon2 memory in KiB: 1 GiB, as the brief demands. PuTTYgen uses 8192. */
export const MAX_ARGON2_MEMORY_KIB = 1024 * 1024;
/** Argon2 passes: PuTTYgen tunes passes to ~100 ms, typically below 100. */
export const MAX_ARGON2_PASSES = 1000;
/** Argon2 lanes: PuTTYgen writes 1; hash-wasm computes lanes sequentially anyway. */
export const MAX_ARGON2_PARALLELISM = 64;
/**
 * Total Argon2 work, memory (KiB) × passes: 4 GiB-passes is ~8 s in hash-wasm
 * on the build machine (~2 s per GiB per pass).
 */
export const MAX_ARGON2_WORK_KIB_PASSES = 4 * 1024 * 1024;
export const MIN_ARGON2_SALT_BYTES = 8;
export const MAX_ARGON2_SALT_BYTES = 1024;

/** Key comments become part of one-line formats (OpenSSH public line, .ppk header). */
export const MAX_COMMENT_LENGTH = 1024;

/** A worker job that takes longer than this is killed (the caps make it unreachable in practice). */
export const WORKER_JOB_TIMEOUT_MS = 60_000;
