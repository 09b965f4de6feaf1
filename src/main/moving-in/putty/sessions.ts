// PuTTY's saved sessions (`…\PuTTY\Sessions\<escaped name>`) as profiles.
// A direct session is a Portalserver; a session that reaches its host through
// an SSH jump host (PuTTY's SSH proxy, or plink -nc as a local command) is a
// Backupserver behind that portal. What the app cannot do (telnet, SOCKS,
// other proxies) is reported per session, never guessed at.
//
// PuTTY writes every setting into every session, so nothing is inherited
// from "Default Settings", which is therefore skipped. PuTTY also bypasses a
// proxy for loopback hosts unless `ProxyLocalhost` is 1, and for hosts in
// `ProxyExcludeList`; school servers are never either, so both are ignored.
import type {
  ImportFindings,
  ImportProblem,
  ImportedKeyFile,
  ImportedProfile,
  NotCarried,
} from '../../../shared/model/moving-in';
import { profileWithinLimits } from '../limits';
import { readEnvironment } from './environment';
import { readHostField } from './host-name';
import { plinkJump } from './plink-command';
import { proxyMethodOf } from './proxy-method';
import { puttySubpath } from './putty-tree';
import { dwordValue, stringValue, type RegistryKey } from './registry-key';
import { unescapeSessionName } from './session-name';

const DEFAULT_SETTINGS = 'Default Settings';
/** The app sends EMAIL itself on every connection. */
const ALWAYS_SENT = new Set(['EMAIL']);

interface Session {
  key: RegistryKey;
  name: string;
}

/** Where a session connects first: itself, or a portal it jumps through. */
type Route =
  | { kind: 'portal' }
  | { kind: 'backup'; portalHost: string; portalPort: number; portalUser: string }
  | { kind: 'unsupported'; method: string };

interface Target {
  host: string;
  port: number;
  user: string;
}

export function sessionsFromKeys(
  keys: RegistryKey[],
  source: string,
): Pick<ImportFindings, 'profiles' | 'keyFiles' | 'problems'> {
  const sessions: Session[] = [];
  for (const key of keys) {
    const escaped = puttySubpath(key.path, 'Sessions');
    // '' is the Sessions folder itself; a deeper key is nothing PuTTY writes.
    if (escaped === undefined || escaped === '' || escaped.includes('\\')) continue;
    const name = unescapeSessionName(escaped);
    if (name !== DEFAULT_SETTINGS) sessions.push({ key, name });
  }
  // Registry key names are case-insensitive, so PuTTY finds a session by name that way too.
  const byName = new Map(sessions.map((session) => [session.name.toLowerCase(), session]));

  const profiles: ImportedProfile[] = [];
  const problems: ImportProblem[] = [];
  const keyFiles = new Map<string, string[]>();
  for (const session of sessions) {
    const { key, name } = session;
    const problem = (code: ImportProblem['code'], params: ImportProblem['params']) =>
      problems.push({ source, line: key.line, code, params: { session: name, ...params } });

    // PuTTY connects by SSH when a session names no protocol.
    const protocol = stringValue(key, 'Protocol') ?? 'ssh';
    if (protocol.toLowerCase() !== 'ssh') {
      problem('putty.notSsh', { protocol });
      continue;
    }
    const target = targetOf(key);
    if (target.host === '') {
      problem('putty.noHost', {});
      continue;
    }
    const route = routeOf(key, byName);
    if (route.kind === 'unsupported') {
      problem('putty.proxyUnsupported', { method: route.method });
      continue;
    }

    const notCarried = [...keepaliveOf(key), ...environmentOf(key)];
    if (route.kind === 'backup' && route.portalUser !== '' && route.portalUser !== target.user) {
      notCarried.push({ setting: 'ProxyUsername', value: route.portalUser, reason: 'unsupported' });
    }
    const profile = profileWithinLimits({
      origin: { source, line: key.line, name },
      kind: route.kind,
      name,
      host: target.host,
      port: target.port,
      portalHost: route.kind === 'backup' ? route.portalHost : '',
      portalPort: route.kind === 'backup' ? route.portalPort : 22,
      user: target.user,
      keyPath: stringValue(key, 'PublicKeyFile') ?? '',
      agentForwarding: (dwordValue(key, 'AgentFwd') ?? 0) !== 0,
      notCarried,
    });
    const { keyPath } = profile;
    if (keyPath !== '') keyFiles.set(keyPath, [...(keyFiles.get(keyPath) ?? []), profile.name]);
    profiles.push(profile);
  }
  const files: ImportedKeyFile[] = [...keyFiles].map(([path, usedBy]) => ({ path, usedBy }));
  return { profiles, keyFiles: files, problems };
}

/** Host, port and user a session connects to; a `user@` in HostName wins over UserName, as in PuTTY. */
function targetOf(key: RegistryKey): Target {
  const field = readHostField(stringValue(key, 'HostName') ?? '');
  return {
    host: field.host,
    port: dwordValue(key, 'PortNumber') ?? 22,
    user: field.user ?? stringValue(key, 'UserName') ?? '',
  };
}

function routeOf(key: RegistryKey, byName: Map<string, Session>): Route {
  const method = proxyMethodOf(key);
  const proxyHost = stringValue(key, 'ProxyHost') ?? '';
  const proxyPort = dwordValue(key, 'ProxyPort') || 22;
  const proxyUser = stringValue(key, 'ProxyUsername') ?? '';
  switch (method) {
    case 'none':
      return { kind: 'portal' };
    case 'sshForward': {
      // PuTTY first tries the proxy host as the name of a saved session.
      const saved = byName.get(proxyHost.toLowerCase());
      if (saved) return jumpThrough(saved, undefined, proxyUser);
      const field = readHostField(proxyHost);
      return backup({ host: field.host, port: proxyPort, user: field.user ?? proxyUser });
    }
    case 'command': {
      const command = stringValue(key, 'ProxyTelnetCommand') ?? '';
      const jump = plinkJump(command, { proxyHost, proxyPort, proxyUser });
      if (!jump) return { kind: 'unsupported', method };
      // plink loads a saved session named by -load, or by its host argument.
      const saved = byName.get((jump.session ?? jump.host ?? '').toLowerCase());
      if (saved) return jumpThrough(saved, jump.port, jump.user ?? '');
      if (jump.host === undefined) return { kind: 'unsupported', method };
      return backup({ host: jump.host, port: jump.port ?? 22, user: jump.user ?? '' });
    }
    default:
      return { kind: 'unsupported', method };
  }
}

/** A jump through another saved session: its host and port; a jump that itself jumps is one hop too many. */
function jumpThrough(saved: Session, port: number | undefined, user: string): Route {
  if (proxyMethodOf(saved.key) !== 'none') return { kind: 'unsupported', method: 'multiHop' };
  const target = targetOf(saved.key);
  return backup({ host: target.host, port: port ?? target.port, user: user || target.user });
}

function backup(portal: Target): Route {
  return { kind: 'backup', portalHost: portal.host, portalPort: portal.port, portalUser: portal.user };
}

/** PuTTY's keepalive interval: `PingInterval` minutes plus `PingIntervalSecs` seconds. */
function keepaliveOf(key: RegistryKey): NotCarried[] {
  const seconds = (dwordValue(key, 'PingInterval') ?? 0) * 60 + (dwordValue(key, 'PingIntervalSecs') ?? 0);
  return seconds > 0 ? [{ setting: 'PingInterval', value: `${seconds} s`, reason: 'appSetting' }] : [];
}

function environmentOf(key: RegistryKey): NotCarried[] {
  return readEnvironment(stringValue(key, 'Environment') ?? '').map(({ name, value }) => ({
    setting: 'Environment',
    value: `${name}=${value}`.slice(0, 1000),
    reason: ALWAYS_SENT.has(name.toUpperCase()) ? 'alwaysSent' : 'unsupported',
  }));
}
