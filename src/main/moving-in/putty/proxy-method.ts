// Which proxy a PuTTY session uses. Since PuTTY 0.58 it is `ProxyMethod`
// (0 none, 1 SOCKS 4, 2 SOCKS 5, 3 HTTP, 4 Telnet, 5 local command, 6 SSH
// port forwarding = jump host, 7 SSH exec, 8 SSH subsystem); older sessions
// have only `ProxyType` (0 none, 1 HTTP, 2 SOCKS with `ProxySOCKSVersion`
// 4 or 5, 3 Telnet, 4 local command), read the way `load_open_settings` does.
import { dwordValue, type RegistryKey } from './registry-key';

export type ProxyMethod =
  | 'none'
  | 'socks4'
  | 'socks5'
  | 'http'
  | 'telnet'
  | 'command'
  | 'sshForward'
  | 'sshExec'
  | 'sshSubsystem'
  | `unknown${number}`;

const BY_NUMBER: readonly ProxyMethod[] = [
  'none',
  'socks4',
  'socks5',
  'http',
  'telnet',
  'command',
  'sshForward',
  'sshExec',
  'sshSubsystem',
];

export function proxyMethodOf(session: RegistryKey): ProxyMethod {
  const method = dwordValue(session, 'ProxyMethod');
  if (method !== undefined) return BY_NUMBER[method] ?? `unknown${method}`;
  switch (dwordValue(session, 'ProxyType') ?? 0) {
    case 0:
      return 'none';
    case 1:
      return 'http';
    case 3:
      return 'telnet';
    case 4:
      return 'command';
    default:
      // PuTTY treats every other old type as SOCKS.
      return (dwordValue(session, 'ProxySOCKSVersion') ?? 5) === 5 ? 'socks5' : 'socks4';
  }
}
