// Host keys as OpenSSH known_hosts lines, so the command line trusts what the
// app trusts: `host type base64`, `[host]:port` off port 22 (as OpenSSH writes
// it), a hashed entry's `|1|salt|hash` token as it is. An entry that would
// break the line format is left out rather than written half.

/** Local on purpose: the app's known-hosts store is changing; callers map to this. */
export interface KnownHostsExportEntry {
  host: string | null;
  port: number | null;
  hashedHost: string | null;
  keyType: string;
  keyBase64: string;
}

const HOST = /^[^\s,#[\]]+$/;
const HASHED = /^\|1\|[A-Za-z0-9+/=]+\|[A-Za-z0-9+/=]+$/;
const KEY_TYPE = /^[A-Za-z0-9@._+-]+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function exportKnownHosts(entries: readonly KnownHostsExportEntry[]): string {
  const lines: string[] = [];
  for (const entry of entries) {
    const name = hostField(entry);
    if (name === null || !KEY_TYPE.test(entry.keyType) || !BASE64.test(entry.keyBase64)) continue;
    lines.push(`${name} ${entry.keyType} ${entry.keyBase64}`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

function hostField(entry: KnownHostsExportEntry): string | null {
  if (entry.hashedHost !== null) return HASHED.test(entry.hashedHost) ? entry.hashedHost : null;
  if (entry.host === null || !HOST.test(entry.host)) return null;
  return entry.port === null || entry.port === 22 ? entry.host : `[${entry.host}]:${entry.port}`;
}
