// Small file-system helpers shared by the key files and the key wizard.
import { stat } from 'node:fs/promises';

/** The system's error code (`ENOENT`, `EACCES`, ...) of a failed fs call, or `unknown`. */
export function errnoCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
}

/** Whether something exists at `path`; errors other than ENOENT (e.g. EACCES) are thrown. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false;
    throw error;
  }
}
