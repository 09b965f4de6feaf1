// ~/.ssh/config (or a file the user picks) to findings: one profile per
// concrete Host alias, its settings evaluated as OpenSSH would for `ssh
// <alias>`, with a single ProxyJump making it a Backupserver profile behind
// that portal. Blocks with wildcards and Match blocks are reported, not
// offered. `home` stands in for the user's home folder everywhere (tests and
// the headless host never read the real one).
import {
  emptyFindings,
  type ImportedKeyFile,
  type ImportedProfile,
  type ImportFindings,
  type ImportProblem,
} from '../../../shared/model/moving-in';
import { expandHome } from '../../core/user-path';
import { activeLines } from './active-lines';
import { surveyBlocks, type AliasOrigin } from './config-blocks';
import { readConfigFile, type ConfigFile } from './config-file';
import { hostSettings, type HostSettings } from './host-settings';
import { expandPercentTokens } from './percent-tokens';

export interface SshConfigImportOptions {
  home: string;
}

export async function importSshConfig(
  path: string,
  options: SshConfigImportOptions,
): Promise<ImportFindings> {
  const findings = emptyFindings();
  const { file, problems } = await readConfigFile(expandHome(path, options.home), options);
  findings.problems.push(...problems);
  if (!file) return findings;

  const survey = surveyBlocks(file);
  findings.problems.push(...survey.problems);
  const keyFiles = new Map<string, ImportedKeyFile>();
  for (const origin of survey.aliases) {
    const settings = hostSettings(origin.alias, activeLines(file, origin.alias));
    findings.problems.push(...settings.problems);
    const profile = profileFor(origin, settings, file, findings.problems);
    if (!profile) continue;
    findings.profiles.push(profile);
    for (const written of settings.identityFiles) {
      const path = expandHome(
        expandPercentTokens(written, identityTokens(origin.alias, settings, options.home)),
        options.home,
      );
      const known = keyFiles.get(path) ?? { path, usedBy: [] };
      if (!known.usedBy.includes(profile.name)) known.usedBy.push(profile.name);
      keyFiles.set(path, known);
    }
  }
  findings.keyFiles.push(...keyFiles.values());
  findings.problems = inReadingOrder(withoutRepeats(findings.problems));
  return findings;
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

/** A bad line reached from several aliases is one problem. */
function withoutRepeats(problems: ImportProblem[]): ImportProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify([problem.source, problem.line, problem.code, problem.params]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Problems by file (in the order the files were met) and line, as the user reads the config. */
function inReadingOrder(problems: ImportProblem[]): ImportProblem[] {
  const files = [...new Set(problems.map((problem) => problem.source))];
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort(
      (a, b) =>
        files.indexOf(a.problem.source) - files.indexOf(b.problem.source) ||
        (a.problem.line ?? 0) - (b.problem.line ?? 0) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);
}
