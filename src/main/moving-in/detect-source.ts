// Which importer reads a picked file. People pick `putty-sessions.reg`,
// `config` or `known_hosts` under any name, so the content decides, not the name.

export type SourceKind = 'puttyReg' | 'knownHosts' | 'sshConfig';

const REG_HEADERS = ['windows registry editor version', 'regedit4'];
// Keywords that start most real ssh configs; one is enough to read the file as one.
const SSH_CONFIG_KEYWORD =
  /^(host|match|include|hostname|user|port|identityfile|proxyjump|serveraliveinterval)\b/i;
const KEY_TYPE = /^(ssh-|ecdsa-sha2-|sk-ssh-|sk-ecdsa-)/;

export function detectSourceKind(bytes: Uint8Array): SourceKind | null {
  // UTF-16 (BOM first) is what regedit writes; nothing else we read uses it.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'puttyReg';
  const head = Buffer.from(bytes.subarray(0, 64 * 1024))
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '');
  const lines = head
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const first = lines[0]?.toLowerCase() ?? '';
  if (REG_HEADERS.some((header) => first.startsWith(header))) return 'puttyReg';
  if (lines.some(isKnownHostsLine)) return 'knownHosts';
  if (lines.some((line) => SSH_CONFIG_KEYWORD.test(line))) return 'sshConfig';
  return null;
}

function isKnownHostsLine(line: string): boolean {
  const fields = line.split(/\s+/);
  if (fields[0]?.startsWith('@')) fields.shift();
  return fields.length >= 3 && KEY_TYPE.test(fields[1] ?? '');
}
