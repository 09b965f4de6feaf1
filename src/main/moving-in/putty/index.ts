// The PuTTY importer: sessions and host keys from a .reg export, as findings
// for the moving-in service. Nothing is stored here.
import { mergeFindings, type ImportFindings } from '../../../shared/model/moving-in';
import { hostKeysFromKeys } from './host-keys';
import { parseRegFile } from './reg-file';
import { decodeRegText } from './reg-text';
import type { RegistryKey } from './registry-key';
import { sessionsFromKeys } from './sessions';

/** A .reg file's bytes (UTF-16, UTF-8 or ANSI); `source` is the file's path, named in every finding. */
export function importPuttyRegFile(bytes: Uint8Array, source: string): ImportFindings {
  const parsed = parseRegFile(decodeRegText(bytes).text, source);
  // The file's own problems first: they explain why a session may be missing.
  return mergeFindings(
    { profiles: [], hostKeys: [], keyFiles: [], problems: parsed.problems },
    findingsOf(parsed.keys, source),
  );
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
