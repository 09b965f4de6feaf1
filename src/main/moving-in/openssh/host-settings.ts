// What the lines that apply to one host mean, by OpenSSH's rule: the first
// value of a keyword wins (so a `Host *` at the end only fills gaps), while
// IdentityFile, SendEnv and the forwards add up. Settings the app keeps once
// for all connections or does not have are listed as not carried, never
// dropped silently. Values that may be secret (SetEnv values, ProxyCommand
// arguments) are not copied.
import type { ImportProblem, NotCarried } from '../../../shared/model/moving-in';
import type { ConfigDirective } from './config-file';
import { NOT_CARRIED_LIMIT } from '../limits';
import { reportedKeyword } from './keywords';
import { jumpFromProxyCommand, parseProxyJump, type JumpSpec } from './jump-host';
import { expandPercentTokens } from './percent-tokens';

export interface HostSettings {
  /** HostName with `%h` expanded, in lower case as ssh uses it; the alias when unset. */
  hostName: string;
  port: number;
  user: string | null;
  /** As written, in order; the first is the one ssh tries first. */
  identityFiles: string[];
  forwardAgent: boolean;
  jump: JumpSpec;
  /** The ProxyJump or ProxyCommand line the jump came from. */
  jumpLine: ConfigDirective | null;
  notCarried: NotCarried[];
  problems: ImportProblem[];
}

/** Keywords where every line counts, not only the first. */
const ADDING = new Set(['identityfile', 'sendenv', 'localforward', 'remoteforward', 'dynamicforward']);

const FORWARD_NAMES: Record<string, string> = {
  localforward: 'LocalForward',
  remoteforward: 'RemoteForward',
  dynamicforward: 'DynamicForward',
};

export function hostSettings(alias: string, lines: readonly ConfigDirective[]): HostSettings {
  const settings: HostSettings = {
    hostName: alias.toLowerCase(),
    port: 22,
    user: null,
    identityFiles: [],
    forwardAgent: false,
    jump: { kind: 'none' },
    jumpLine: null,
    notCarried: [],
    problems: [],
  };
  const taken = new Set<string>();
  // A set, in the order first asked for: a list searched per name was quadratic on a long line.
  const sentEnv = new Set<string>();
  const bad = (line: ConfigDirective) =>
    settings.problems.push({
      source: line.source,
      line: line.line,
      code: 'sshConfig.badLine',
      params: { keyword: reportedKeyword(line.keyword) },
    });
  // Bounded here already, not only when the profile is made: this runs once per alias.
  const full = () => settings.notCarried.length >= NOT_CARRIED_LIMIT;
  const notCarried = (setting: string, value: string, reason: NotCarried['reason']) => {
    if (!full()) settings.notCarried.push({ setting, value, reason });
  };

  for (const line of lines) {
    // ProxyJump and ProxyCommand share one slot: whichever comes first wins.
    const slot = line.keyword === 'proxycommand' ? 'proxyjump' : line.keyword;
    if (!ADDING.has(slot) && taken.has(slot)) continue;
    const value = line.args[0]!;
    switch (line.keyword) {
      case 'hostname':
        settings.hostName = expandPercentTokens(value, { h: alias }).toLowerCase();
        break;
      case 'port': {
        const port = /^\d{1,5}$/.test(value) ? Number(value) : 0;
        if (port < 1 || port > 65535) {
          bad(line);
          continue;
        }
        settings.port = port;
        break;
      }
      case 'user':
        settings.user = value;
        break;
      case 'identityfile':
        settings.identityFiles.push(value);
        break;
      case 'forwardagent': {
        const answer = value.toLowerCase();
        if (answer === 'yes' || answer === 'true') settings.forwardAgent = true;
        // A socket path or $VARIABLE forwards another agent than the app's own.
        else if (answer !== 'no' && answer !== 'false') notCarried('ForwardAgent', value, 'unsupported');
        break;
      }
      case 'proxyjump':
        if (line.args.length > 1) {
          bad(line);
          continue;
        }
        settings.jump = parseProxyJump(value);
        settings.jumpLine = line;
        break;
      case 'proxycommand': {
        if (value.toLowerCase() === 'none' && line.args.length === 1) break;
        const jump = jumpFromProxyCommand(line.args);
        if (jump) {
          settings.jump = jump;
          settings.jumpLine = line;
        } else {
          // Only the program's name: the rest of a command line may hold a password (sshpass -p).
          const program = (value === 'exec' ? line.args[1] : value) ?? '';
          notCarried('ProxyCommand', program.split(/[\\/]/).pop() ?? '', 'unsupported');
        }
        break;
      }
      case 'serveraliveinterval':
        notCarried('ServerAliveInterval', value, 'appSetting');
        break;
      case 'controlpersist':
        notCarried('ControlPersist', value, 'appSetting');
        break;
      case 'sendenv':
        for (const name of line.args) {
          // OpenSSH 8.9+: `-NAME` removes what an earlier line asked for.
          if (name.startsWith('-')) sentEnv.delete(name.slice(1));
          else if (sentEnv.size < NOT_CARRIED_LIMIT) sentEnv.add(name);
          else break;
        }
        break;
      case 'setenv':
        for (const pair of line.args) {
          if (full()) break;
          notCarried('SetEnv', pair.split('=')[0] ?? '', 'unsupported');
        }
        break;
      case 'localforward':
      case 'remoteforward':
      case 'dynamicforward':
        notCarried(FORWARD_NAMES[line.keyword]!, line.args.slice(0, 8).join(' '), 'unsupported');
        break;
      default:
        // OpenSSH has a hundred more keywords; what the app does not use is not worth a word.
        continue;
    }
    taken.add(slot);
  }
  for (const name of sentEnv) notCarried('SendEnv', name, name === 'EMAIL' ? 'alwaysSent' : 'unsupported');
  return settings;
}
