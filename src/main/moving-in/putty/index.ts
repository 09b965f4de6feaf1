// The PuTTY importer: sessions and host keys from a .reg export or from the
// Windows registry, as findings for the moving-in service. Pure apart from
// the registry source: nothing is stored here.
import { mergeFindings, type ImportFindings } from '../../../shared/model/moving-in';
import { hostKeysFromKeys } from './host-keys';
import { parseRegFile } from './reg-file';
import { decodeRegText } from './reg-text';
import { PuttyRegistryError, type PuttyRegistry } from './registry-source';
import type { RegistryKey } from './registry-key';
import { sessionsFromKeys } from './sessions';

export { windowsPuttyRegistry, PuttyRegistryError, type PuttyRegistry } from './registry-source';

/** A .reg file's bytes (UTF-16, UTF-8 or ANSI); `source` is the file's path, named in every finding. */
export function importPuttyRegFile(bytes: Uint8Array, source: string): ImportFindings {
  const parsed = parseRegFile(decodeRegText(bytes).text, source);
  // The file's own problems first: they explain why a session may be missing.
  return mergeFindings(
    { profiles: [], hostKeys: [], keyFiles: [], problems: parsed.problems },
    findingsOf(parsed.keys, source),
  );
}

/** PuTTY's settings in the registry of this computer; source `registry`, no lines. */
export async function importPuttyRegistry(registry: PuttyRegistry): Promise<ImportFindings> {
  let keys: RegistryKey[];
  try {
    keys = await registry.readKeys();
  } catch (error) {
    // Never thrown at the caller: a registry that cannot be read is one problem, as a file is.
    const code = (error as { code?: unknown }).code;
    const reason =
      error instanceof PuttyRegistryError ? error.reason : typeof code === 'string' ? code : 'unknown';
    return {
      profiles: [],
      hostKeys: [],
      keyFiles: [],
      problems: [
        {
          source: 'registry',
          line: null,
          code: 'putty.registryUnreadable',
          params: { reason },
        },
      ],
    };
  }
  return findingsOf(keys, 'registry');
}

function findingsOf(keys: RegistryKey[], source: string): ImportFindings {
  const sessions = sessionsFromKeys(keys, source);
  const hostKeys = hostKeysFromKeys(keys, source);
  return {
    profiles: sessions.profiles,
    hostKeys: hostKeys.hostKeys,
    keyFiles: sessions.keyFiles,
    problems: [...sessions.problems, ...hostKeys.problems],
  };
}
