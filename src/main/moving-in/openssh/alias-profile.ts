// What one concrete Host alias becomes: a Portalserver profile, or with a
// single jump host a Backupserver profile behind that portal (the jump is
// itself looked up in the config, as `ssh -J portal` does), plus the key files
// it names. Two hops or an unreadable jump: reported, not offered, since the
// app's route is exactly portal then backup.
import type { ImportedProfile, ImportProblem } from '../../../shared/model/moving-in';
import { expandHome } from '../../core/user-path';
import { keyFilePathWithinLimits, profileWithinLimits } from '../limits';
import { activeLines } from './active-lines';
import type { AliasOrigin } from './config-blocks';
import type { ConfigFile } from './config-file';
import { hostSettings, type HostSettings } from './host-settings';
import { expandPercentTokens } from './percent-tokens';

export interface AliasImport {
  profile: ImportedProfile;
  /** IdentityFile paths, `~`, `%d` and the known tokens expanded against the given home. */
  keyFiles: string[];
}

export function importAlias(
  origin: AliasOrigin,
  file: ConfigFile,
  home: string,
  problems: ImportProblem[],
): AliasImport | null {
  const settings = hostSettings(origin.alias, activeLines(file, origin.alias));
  problems.push(...settings.problems);
  const profile = profileFor(origin, settings, file, problems);
  if (!profile) return null;
  const keyFiles = settings.identityFiles.map((written) =>
    keyFilePathWithinLimits(
      expandHome(expandPercentTokens(written, identityTokens(origin.alias, settings, home)), home),
    ),
  );
  return { profile: profileWithinLimits(profile), keyFiles };
}

function profileFor(
  origin: AliasOrigin,
  settings: HostSettings,
  file: ConfigFile,
  problems: ImportProblem[],
): ImportedProfile | null {
  const firstKey = settings.identityFiles[0];
  const profile: ImportedProfile = {
    origin: { source: origin.source, line: origin.line, name: origin.alias },
    kind: 'portal',
    name: origin.alias,
    host: settings.hostName,
    port: settings.port,
    portalHost: '',
    portalPort: 22,
    user: settings.user ?? '',
    // Kept as written, but `%d` (the home folder) as `~`, which the app expands itself.
    keyPath:
      firstKey === undefined
        ? ''
        : expandPercentTokens(firstKey, identityTokens(origin.alias, settings, '~')),
    agentForwarding: settings.forwardAgent,
    notCarried: [...settings.notCarried],
  };
  const jump = settings.jump;
  if (jump.kind === 'none') return profile;

  const line = settings.jumpLine!;
  const report = (code: ImportProblem['code'], jumpText: string) =>
    problems.push({
      source: line.source,
      line: line.line,
      code,
      params: { host: origin.alias, jump: jumpText },
    });
  const written = line.keyword === 'proxyjump' ? line.args[0]! : 'ProxyCommand';
  if (jump.kind === 'multiHop') return (report('sshConfig.multiHop', written), null);
  if (jump.kind === 'unreadable') return (report('sshConfig.jumpUnreadable', written), null);

  // The jump host is itself looked up in the config, as `ssh -J portal` does.
  const portal = hostSettings(jump.host, activeLines(file, jump.host));
  if (portal.jump.kind !== 'none') {
    return (
      report(portal.jump.kind === 'unreadable' ? 'sshConfig.jumpUnreadable' : 'sshConfig.multiHop', written),
      null
    );
  }
  profile.kind = 'backup';
  profile.portalHost = portal.hostName;
  profile.portalPort = jump.port ?? portal.port;
  // The app logs in to both hops as the same user.
  const portalUser = jump.user ?? portal.user;
  if (portalUser !== null && portalUser !== profile.user)
    profile.notCarried.push({
      setting: 'ProxyJump',
      value: `${portalUser}@${jump.host}`,
      reason: 'unsupported',
    });
  return profile;
}

/** The tokens IdentityFile knows that can be told here; `%u`, `%C`, `%l`… stay as written. */
function identityTokens(alias: string, settings: HostSettings, home: string): Record<string, string> {
  const tokens: Record<string, string> = {
    d: home,
    h: settings.hostName,
    n: alias,
    p: String(settings.port),
  };
  if (settings.user !== null) tokens.r = settings.user;
  return tokens;
}
