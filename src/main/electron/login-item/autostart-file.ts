// Writes and removes the XDG autostart file. The write is atomic (a temporary
// file in the same folder, then a rename over the old one), so a session
// starting meanwhile reads the old entry or the new one, never half of one.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';

export const AUTOSTART_FILE_NAME = 'fernwartung.desktop';

/** `$XDG_CONFIG_HOME/autostart/fernwartung.desktop`; a relative XDG_CONFIG_HOME is invalid and ignored (XDG Base Directory spec). */
export function autostartFilePath(env: Record<string, string | undefined>, home: string): string {
  const configHome =
    env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE_NAME);
}

export async function writeAutostartFile(path: string, content: string): Promise<void> {
  const folder = join(path, '..');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const temporary = join(folder, `.${AUTOSTART_FILE_NAME}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { mode: 0o644, flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function removeAutostartFile(path: string): Promise<void> {
  await rm(path, { force: true });
}
