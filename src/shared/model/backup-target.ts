// The vendor's Backupserver rule, written once so the form, the profile store and
// the connection code agree: a backup server is reached through the school's
// portal server as a jump host, and `backup.<school domain>` always names it.
import { isValidHost } from './profile';

export const DEFAULT_PORTAL_PORT = 22;

export type BackupTargetProblem = 'hostInvalid' | 'portalRequired' | 'portalInvalid';

export type BackupTargetPlan =
  | { ok: true; backupHost: string; portalHost: string; portalPort: number; portalDerived: boolean }
  | { ok: false; problem: BackupTargetProblem };

export interface PortalAddress {
  host: string;
  port: number;
}

const BACKUP_PREFIX = 'backup.';

/**
 * Whether a valid host name can be a school's domain. A single label (`localhost`,
 * a LAN alias) cannot: `backup.<single label>` would not be a school domain, so such
 * a host is used as typed and, like an IP address, needs the portal typed. Neither
 * can a name whose last label is all digits (no top-level domain is), which is a
 * mistyped IP address such as `10.0.0` rather than a domain.
 */
function isDomainName(host: string): boolean {
  if (host.includes(':') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return false;
  const labels = host.split('.');
  return labels.length >= 2 && !/^\d+$/.test(labels[labels.length - 1] ?? '');
}

/**
 * Reads the field "Portalserver (Proxy)": `host`, `host:port` or `[host]:port`.
 * An IPv6 address must be in brackets, as for OpenSSH's `-J`: bare, `2001:db8::1:22`
 * could be an address or an address and a port. Returns null for anything else,
 * including an empty field.
 */
export function parsePortalField(text: string): PortalAddress | null {
  const field = text.trim();
  let host: string;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(field);
  if (bracketed) {
    host = bracketed[1] ?? '';
    portText = bracketed[2];
  } else {
    const parts = field.split(':');
    if (parts.length > 2) return null;
    host = parts[0] ?? '';
    portText = parts[1];
  }
  host = host.trim().toLowerCase();
  if (!isValidHost(host)) return null;
  if (portText === undefined) return { host, port: DEFAULT_PORTAL_PORT };
  if (!/^\d{1,5}$/.test(portText.trim())) return null;
  const port = Number(portText.trim());
  return port >= 1 && port <= 65535 ? { host, port } : null;
}

/**
 * Where a Backupserver session goes. A domain name not starting with `backup.` is
 * completed to `backup.<name>` whether or not a portal is typed (one rule); an empty
 * portal is derived from the domain. IP addresses and single-label names are used as
 * typed and need the portal typed.
 */
export function planBackupTarget(host: string, portal: string): BackupTargetPlan {
  const typed = host.trim().toLowerCase();
  if (!isValidHost(typed)) return { ok: false, problem: 'hostInvalid' };

  let backupHost = typed;
  let derivedPortal: string | null = null;
  if (typed.startsWith(BACKUP_PREFIX)) {
    const domain = typed.slice(BACKUP_PREFIX.length);
    if (isDomainName(domain)) derivedPortal = domain;
  } else if (isDomainName(typed)) {
    backupHost = BACKUP_PREFIX + typed;
    derivedPortal = typed;
  }
  // The prefix can push a long name past DNS's 253 characters.
  if (!isValidHost(backupHost)) return { ok: false, problem: 'hostInvalid' };

  if (portal.trim() === '') {
    if (derivedPortal === null) return { ok: false, problem: 'portalRequired' };
    return {
      ok: true,
      backupHost,
      portalHost: derivedPortal,
      portalPort: DEFAULT_PORTAL_PORT,
      portalDerived: true,
    };
  }
  const address = parsePortalField(portal);
  if (address === null) return { ok: false, problem: 'portalInvalid' };
  return { ok: true, backupHost, portalHost: address.host, portalPort: address.port, portalDerived: false };
}

/**
 * The field "Portalserver (Proxy)" for a stored portal: '' when derived,
 * `host` for port 22, else `host:port`; an IPv6 address always in brackets,
 * which is how parsePortalField reads it back.
 */
export function portalFieldText(stored: { portalHost: string; portalPort: number }): string {
  if (!stored.portalHost) return '';
  const host = stored.portalHost.includes(':') ? `[${stored.portalHost}]` : stored.portalHost;
  return stored.portalPort === DEFAULT_PORTAL_PORT ? host : `${host}:${stored.portalPort}`;
}
