// The jump host of a Host block, from `ProxyJump [user@]host[:port]` (also
// `ssh://…`, comma-separated hops) or from the classic
// `ProxyCommand ssh -W %h:%p host`, which does the same thing. Only one hop
// fits the app's Backupserver (portal, then backup); anything else is said so.

export type JumpSpec =
  | { kind: 'none' }
  | { kind: 'hop'; user: string | null; host: string; port: number | null }
  | { kind: 'multiHop' }
  | { kind: 'unreadable' };

export function parseProxyJump(value: string): JumpSpec {
  if (value.toLowerCase() === 'none') return { kind: 'none' };
  const hops = value.split(',');
  if (hops.length > 1) return { kind: 'multiHop' };
  return parseHop(value);
}

/** `[user@]host[:port]`, `[user@][v6addr]:port` or `ssh://[user@]host[:port]`. */
function parseHop(text: string): JumpSpec {
  const uri = /^ssh:\/\//i.test(text);
  let rest = uri ? text.slice(6).replace(/\/$/, '') : text;
  let user: string | null = null;
  // OpenSSH splits at the last `@`.
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    user = rest.slice(0, at);
    rest = rest.slice(at + 1);
    if (user === '') return { kind: 'unreadable' };
  }
  let host: string;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(rest);
  if (bracketed) {
    host = bracketed[1]!;
    portText = bracketed[2];
  } else {
    const parts = rest.split(':');
    if (parts.length > 2) return { kind: 'unreadable' };
    host = parts[0]!;
    portText = parts[1];
  }
  if (host === '' || /[\s/]/.test(host)) return { kind: 'unreadable' };
  if (portText === undefined) return { kind: 'hop', user, host, port: null };
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : 0;
  if (port < 1 || port > 65535) return { kind: 'unreadable' };
  return { kind: 'hop', user, host, port };
}

/**
 * `ssh [-q -T -N -4 -6 -C -x] [-l user] [-p port] -W %h:%p [user@]host` in any
 * order, optionally after `exec`: the same as a ProxyJump. Null for any other
 * command (nc on the portal, corkscrew, sshpass…), which the app does not run.
 */
export function jumpFromProxyCommand(args: readonly string[]): JumpSpec | null {
  const words = args[0] === 'exec' ? args.slice(1) : [...args];
  const program = (words.shift() ?? '').split(/[\\/]/).pop()?.toLowerCase();
  if (program !== 'ssh' && program !== 'ssh.exe') return null;
  let forward = false;
  let user: string | null = null;
  let port: string | null = null;
  let destination: string | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (/^-[qTN46Cx]+$/.test(word)) continue;
    if (word === '-W') {
      const target = words[++i];
      if (target !== '%h:%p' && target !== '[%h]:%p') return null;
      forward = true;
    } else if (word === '-l' || word === '-p') {
      const value = words[++i];
      if (value === undefined) return null;
      if (word === '-l') user = value;
      else port = value;
    } else if (word.startsWith('-') || destination !== null) {
      return null;
    } else {
      destination = word;
    }
  }
  if (!forward || destination === null) return null;
  if (/^ssh:\/\//i.test(destination)) {
    const hop = parseHop(destination);
    return hop.kind === 'hop' && port === null ? { ...hop, user: user ?? hop.user } : { kind: 'unreadable' };
  }
  // ssh's destination is `[user@]host`; an IPv6 address stands bare there, not in brackets.
  const at = destination.lastIndexOf('@');
  const host = destination.slice(at + 1);
  const portNumber = port === null ? null : /^\d{1,5}$/.test(port) ? Number(port) : 0;
  if (host === '' || at === 0 || portNumber === 0 || (portNumber ?? 1) > 65535) return { kind: 'unreadable' };
  // As in ssh.c, `-l` wins over `user@`.
  return { kind: 'hop', user: user ?? (at > 0 ? destination.slice(0, at) : null), host, port: portNumber };
}
