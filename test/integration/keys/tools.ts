// Small wrappers around ssh-keygen and puttygen for the key integration tests.
// Passphrases go to the tools through files (puttygen) or argv of a local
// process (ssh-keygen -P/-N), never into test output.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PASS = 'Schule Tafel Kreide 2024 lang genug';

export function run(file: string, args: string[]): string {
  // stdin closed: a tool that wants to prompt fails instead of hanging.
  return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

export interface Workdir {
  dir: string;
  path(name: string): string;
  /** A file holding the passphrase, for puttygen's --old-passphrase/--new-passphrase. */
  passFile: string;
  emptyPassFile: string;
  remove(): void;
}

export function workdir(): Workdir {
  const dir = mkdtempSync(join(tmpdir(), 'fw-keys-it-'));
  const passFile = join(dir, 'pass.txt');
  const emptyPassFile = join(dir, 'empty.txt');
  writeFileSync(passFile, PASS, { mode: 0o600 });
  writeFileSync(emptyPassFile, '', { mode: 0o600 });
  return {
    dir,
    path: (name) => join(dir, name),
    passFile,
    emptyPassFile,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `ssh-keygen -l` on a public key file: bits, fingerprint, type in capitals. */
export function sshKeygenFingerprint(publicKeyFile: string): {
  bits: number;
  fingerprint: string;
  type: string;
} {
  const out = run('ssh-keygen', ['-l', '-E', 'sha256', '-f', publicKeyFile]).trim();
  const match = /^(\d+) (SHA256:\S+) .*\((\w+)\)$/.exec(out);
  if (!match) throw new Error(`unexpected ssh-keygen -l output`);
  return { bits: Number(match[1]), fingerprint: match[2]!, type: match[3]! };
}

/** `puttygen -O fingerprint`: e.g. `ssh-ed25519 255 SHA256:...`. */
export function puttygenFingerprint(
  keyFile: string,
  passFile?: string,
): { type: string; bits: number; fingerprint: string } {
  const out = run('puttygen', [
    keyFile,
    ...(passFile ? ['--old-passphrase', passFile] : []),
    '-O',
    'fingerprint',
  ]).trim();
  const [type, bits, fingerprint] = out.split(' ');
  return { type: type!, bits: Number(bits), fingerprint: fingerprint! };
}

/** Key type name in ssh-keygen -l's bracket for a wire type. */
export const KEYGEN_TYPE: Record<string, string> = { 'ssh-ed25519': 'ED25519', 'ssh-rsa': 'RSA' };
