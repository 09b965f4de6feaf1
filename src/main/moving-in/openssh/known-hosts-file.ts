// An OpenSSH known_hosts file to host keys: `hosts type base64 [comment]`,
// hosts a comma list of `name` or `[name]:port`, or one hashed token
// `|1|salt|hash` (HashKnownHosts) that hides the name until it is contacted.
// Revoked keys and certificate authorities are reported, never trusted;
// patterns are reported, since a key is trusted for one host at a time. A bad
// line is reported by number and the rest goes on.
import type { ImportedHostKey, ImportFindings, ImportProblem } from '../../../shared/model/moving-in';
import { emptyFindings } from '../../../shared/model/moving-in';
import { describeBlob } from '../../keys/public-key';
import { hostKeyFromBlob, type HostKey } from '../../ssh/host-key';
import { HOST_KEY_BASE64_LIMIT, HOST_KEY_HOST_LIMIT } from '../limits';

const HASHED = /^\|1\|([A-Za-z0-9+/]+={0,2})\|([A-Za-z0-9+/]+={0,2})$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** HMAC-SHA1: salt and hash are 20 bytes each. */
const HASH_BYTES = 20;

export function importKnownHosts(text: string, source: string): ImportFindings {
  const findings = emptyFindings();
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  for (const [index, raw] of lines.entries()) {
    const fields = raw.trim().split(/[ \t]+/);
    if (fields[0] === '' || fields[0]!.startsWith('#')) continue;
    const line = index + 1;
    const report = (code: ImportProblem['code'], params: ImportProblem['params'] = {}) =>
      findings.problems.push({ source, line, code, params });

    const marker = fields[0]!.startsWith('@') ? fields.shift()! : null;
    const [hosts, keyType, keyBase64] = fields;
    if (hosts === undefined || keyType === undefined || keyBase64 === undefined) {
      // Too short to be a known_hosts line: its words might be anything, even a pasted password.
      report('knownHosts.badLine');
      continue;
    }
    if (marker !== null && marker !== '@revoked' && marker !== '@cert-authority') {
      report('knownHosts.badLine', { hosts });
      continue;
    }
    const key = readKey(keyType, keyBase64);
    if (!key) {
      report('knownHosts.badKey', { hosts, keyType });
      continue;
    }
    if (marker === '@revoked') {
      report('knownHosts.revoked', { hosts, fingerprint: key.fingerprint });
      continue;
    }
    if (marker === '@cert-authority') {
      report('knownHosts.certAuthority', { hosts });
      continue;
    }
    const entry = (host: string | null, port: number | null, hashedHost: string | null): ImportedHostKey => ({
      origin: { source, line },
      host,
      port,
      hashedHost,
      keyType: key.keyType,
      keyBase64: key.keyBase64,
      fingerprint: key.fingerprint,
    });
    if (hosts.startsWith('|')) {
      if (isHashedHost(hosts)) findings.hostKeys.push(entry(null, null, hosts));
      else report('knownHosts.badLine', { hosts });
      continue;
    }
    for (const name of hosts.split(',')) {
      if (name === '') continue;
      if (/[*?]/.test(name) || name.startsWith('!')) {
        report('knownHosts.pattern', { pattern: name });
        continue;
      }
      const address = hostAndPort(name);
      if (address) findings.hostKeys.push(entry(address.host, address.port, null));
      else report('knownHosts.badLine', { hosts: name });
    }
  }
  return findings;
}

/** The key as OpenSSH would read it: strict base64, a well-formed blob of the type the line names. */
function readKey(keyType: string, keyBase64: string): HostKey | null {
  // Far above any real key (RSA 16384 is 2.8 KB): a blob that big is no key to trust.
  if (keyBase64.length > HOST_KEY_BASE64_LIMIT || !BASE64.test(keyBase64)) return null;
  try {
    const blob = Buffer.from(keyBase64, 'base64');
    describeBlob(blob);
    const key = hostKeyFromBlob(blob);
    return key.keyType === keyType ? key : null;
  } catch {
    return null;
  }
}

export function isHashedHost(token: string): boolean {
  const match = HASHED.exec(token);
  if (!match) return false;
  return [match[1]!, match[2]!].every(
    (part) => BASE64.test(part) && Buffer.from(part, 'base64').length === HASH_BYTES,
  );
}

/** `name` (port 22) or `[name]:port`, name in lower case as OpenSSH compares it. */
function hostAndPort(name: string): { host: string; port: number } | null {
  if (name.length > HOST_KEY_HOST_LIMIT) return null;
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(name);
  if (!bracketed) return /[[\]]/.test(name) ? null : { host: name.toLowerCase(), port: 22 };
  const port = bracketed[2] === undefined ? 22 : Number(bracketed[2]);
  if (port < 1 || port > 65535) return null;
  return { host: bracketed[1]!.toLowerCase(), port };
}
