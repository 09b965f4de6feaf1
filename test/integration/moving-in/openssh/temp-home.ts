// A throwaway home folder per test, so nothing ever reads or writes the real ~/.ssh.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface TempHome {
  home: string;
  ssh: string;
  /** Writes a file under the home folder (`.ssh/config`), returns its absolute path. */
  write(relative: string, text: string): string;
}

export function tempHome(): TempHome {
  const home = mkdtempSync(join(tmpdir(), 'fw-openssh-'));
  made.push(home);
  const ssh = join(home, '.ssh');
  mkdirSync(ssh, { mode: 0o700 });
  return {
    home,
    ssh,
    write(relative, text) {
      const path = join(home, relative);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text, { mode: 0o600 });
      return path;
    },
  };
}
