// PuTTY's HostName field as PuTTY itself reads it before connecting
// (`prepare_session` in sessprep.c): leading blanks dropped, a `user@` prefix
// split off at the last `@` (and it overrides the UserName field), a
// `:suffix` dropped when there is exactly one colon (so IPv6 literals stay
// whole), and any other blanks removed.

export interface HostField {
  host: string;
  /** The `user@` part, or undefined when there was none. */
  user: string | undefined;
}

export function readHostField(field: string): HostField {
  let host = field.trimStart();
  let user: string | undefined;
  const at = host.lastIndexOf('@');
  if (at >= 0) {
    user = host.slice(0, at);
    host = host.slice(at + 1);
  }
  const colons = colonsOutsideBrackets(host);
  if (colons.length === 1) host = host.slice(0, colons[0]);
  host = host.replace(/\s+/g, '');
  // `[2001:db8::1]`: the brackets only keep PuTTY from reading a port.
  const bracketed = /^\[([^\]]*)\]$/.exec(host);
  return { host: bracketed ? bracketed[1]! : host, user };
}

function colonsOutsideBrackets(host: string): number[] {
  const found: number[] = [];
  let depth = 0;
  for (let i = 0; i < host.length; i++) {
    if (host[i] === '[') depth++;
    else if (host[i] === ']') depth = Math.max(0, depth - 1);
    else if (host[i] === ':' && depth === 0) found.push(i);
  }
  return found;
}
