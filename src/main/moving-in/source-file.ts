// Reading a file the user picked for an import: bounded in size, refused when
// it is plainly binary, and never thrown at the caller: every failure is an
// import problem naming the file, so the rest of an import still goes on.
import { readFile, stat } from 'node:fs/promises';
import type { ImportProblem } from '../../shared/model/moving-in';

/** Far above any real registry export, ssh config or known_hosts (a few MiB at most). */
export const IMPORT_FILE_LIMIT_BYTES = 16 * 1024 * 1024;

export type SourceFile = { ok: true; bytes: Buffer } | { ok: false; problem: ImportProblem };

export async function readSourceFile(
  path: string,
  limitBytes = IMPORT_FILE_LIMIT_BYTES,
): Promise<SourceFile> {
  const problem = (code: ImportProblem['code'], params: ImportProblem['params']): SourceFile => ({
    ok: false,
    problem: { source: path, line: null, code, params },
  });
  try {
    // Why stat first: a 100 MB file (or /dev/zero) is never read into memory.
    const info = await stat(path);
    if (!info.isFile()) return problem('import.fileUnreadable', { reason: 'notAFile' });
    if (info.size > limitBytes) return problem('import.fileTooLarge', { limitMiB: limitBytes / 1024 / 1024 });
    const bytes = await readFile(path);
    if (bytes.length > limitBytes)
      return problem('import.fileTooLarge', { limitMiB: limitBytes / 1024 / 1024 });
    if (looksBinary(bytes)) return problem('import.fileBinary', {});
    return { ok: true, bytes };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    return problem('import.fileUnreadable', { reason: code });
  }
}

/**
 * Text files of ours never hold NUL bytes, except UTF-16 (a .reg export),
 * which starts with its byte order mark.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const utf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16Bom) return false;
  return bytes.subarray(0, 64 * 1024).includes(0);
}
