// The real OpenSSH client tools as oracles: `ssh -G` prints the effective
// settings for a host without connecting, `ssh-keygen` hashes and searches
// known_hosts files. Both are in the project's required system tools.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** `ssh -G -F <config> <host>` as keyword → values (IdentityFile and SendEnv can repeat). */
export async function sshEffectiveConfig(config: string, host: string): Promise<Map<string, string[]>> {
  const { stdout } = await run('ssh', ['-G', '-F', config, host], { timeout: 10_000 });
  const settings = new Map<string, string[]>();
  for (const line of stdout.split('\n')) {
    const space = line.indexOf(' ');
    if (space < 0) continue;
    const key = line.slice(0, space);
    settings.set(key, [...(settings.get(key) ?? []), line.slice(space + 1)]);
  }
  return settings;
}

export async function sshKeygen(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run('ssh-keygen', args, { timeout: 10_000 });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  }
}
