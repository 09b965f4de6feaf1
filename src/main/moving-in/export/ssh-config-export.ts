// The app's profiles as an OpenSSH config snippet, so `ssh <alias>` on the
// command line goes where the app goes: the same host, port and user, a
// Backupserver through its portal (the route planBackupTarget computes for
// the app too), the vendor's keepalive and EMAIL, and the app's agent. Each
// portal gets a block of its own so the jump uses the same user and agent.
import { planBackupTarget, portalFieldText } from '../../../shared/model/backup-target';
import type { Profile } from '../../../shared/model/profile';
import { commentText, configValue, quotedPath } from './config-values';
import { uniqueAliases } from './host-alias';

export interface SshConfigExportOptions {
  /** The settings' `<prefix>-<vorname.nachname>`, for profiles without a user of their own; '' for none. */
  defaultUser: string;
  /** The app's agent socket (a named pipe on Windows); null leaves ssh with SSH_AUTH_SOCK. */
  agentSocket: string | null;
  /** The app's keepalive in seconds (the vendor's ServerAliveInterval is 240). */
  keepAliveSeconds: number;
  exportedAt: Date;
}

interface Route {
  hostName: string;
  port: number;
  /** ProxyJump's `host`, `host:port` or `[v6]:port`; null for a direct connection. */
  jump: string | null;
  portalHost: string | null;
}

export function exportSshConfig(profiles: readonly Profile[], options: SshConfigExportOptions): string {
  const routes = profiles.map(routeOf);
  const portals = [
    ...new Set(routes.flatMap((route) => (route.ok && route.portalHost ? [route.portalHost] : []))),
  ];
  const aliases = uniqueAliases(
    profiles.map((profile) => profile.name),
    portals,
  );
  const out = [
    `# Fernwartung: OpenSSH settings for ${profiles.length} profile(s), exported ${options.exportedAt.toISOString()}.`,
    '# Use it with `ssh -F <this file> <alias>`, or put `Include <this file>` at the top of',
    '# ~/.ssh/config (OpenSSH takes the first value it finds). Changes here are not read back.',
  ];
  const common = (user: string) => [
    ...(user ? [`  User ${configValue(user)}`] : []),
    `  ServerAliveInterval ${options.keepAliveSeconds}`,
    '  SendEnv EMAIL',
    ...(options.agentSocket ? [`  IdentityAgent ${quotedPath(options.agentSocket)}`] : []),
  ];

  profiles.forEach((profile, index) => {
    const route = routes[index]!;
    out.push('', `# ${commentText(profile.name)}`);
    if (!route.ok) {
      out.push(`# not exported: the Backupserver's route is incomplete (${route.problem})`);
      return;
    }
    const user = profile.user || options.defaultUser;
    out.push(`Host ${aliases[index]}`, `  HostName ${route.hostName}`);
    if (route.port !== 22) out.push(`  Port ${route.port}`);
    // The app logs in to the portal as the same user; a user of the profile's own goes along.
    if (route.jump) out.push(`  ProxyJump ${profile.user ? `${profile.user}@` : ''}${route.jump}`);
    out.push(...common(user));
    if (profile.keyPath) out.push(`  IdentityFile ${quotedPath(profile.keyPath)}`);
    if (profile.agentForwarding) out.push('  ForwardAgent yes');
  });

  for (const portal of portals) {
    out.push('', '# Portal server (jump host) of the Backupserver profiles above', `Host ${portal}`);
    out.push(...common(options.defaultUser));
  }
  return `${out.join('\n')}\n`;
}

function routeOf(profile: Profile): ({ ok: true } & Route) | { ok: false; problem: string } {
  if (profile.kind === 'portal')
    return { ok: true, hostName: profile.host, port: profile.port, jump: null, portalHost: null };
  const plan = planBackupTarget(profile.host, portalFieldText(profile));
  if (!plan.ok) return { ok: false, problem: plan.problem };
  return {
    ok: true,
    hostName: plan.backupHost,
    port: profile.port,
    jump: portalFieldText({ portalHost: plan.portalHost, portalPort: plan.portalPort }),
    portalHost: plan.portalHost,
  };
}
