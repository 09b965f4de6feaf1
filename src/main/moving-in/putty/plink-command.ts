// A PuTTY "local command" proxy that is really a jump host:
// `plink [options] [user@]portal -nc %host:%port`, the usual way to reach a
// Backupserver before PuTTY 0.77 had its SSH proxy type. Anything else run
// as a proxy command is not ours to imitate.

/** The portal a plink command tunnels through; `session` when it names a saved session instead of a host. */
export interface PlinkJump {
  host: string | undefined;
  session: string | undefined;
  /** From `-P`; undefined = the saved session's port, or 22. */
  port: number | undefined;
  /** From `-l` or `user@`. */
  user: string | undefined;
}

export interface ProxyFields {
  proxyHost: string;
  proxyPort: number;
  proxyUser: string;
}

// Stand-ins for `%host` and `%port`, which PuTTY fills in when it runs the command.
const HOST = '\uE000';
const PORT = '\uE001';
const PASSWORD = '\uE002';

// plink's options that take an argument (plink 0.70–0.83); every other option is a flag.
const WITH_ARGUMENT = new Set([
  '-P',
  '-l',
  '-load',
  '-i',
  '-pw',
  '-pwfile',
  '-m',
  '-L',
  '-R',
  '-D',
  '-hostkey',
  '-sercfg',
  '-sshlog',
  '-sshrawlog',
  '-proxycmd',
  '-cert',
  '-J',
  '-nc',
]);

export function plinkJump(command: string, fields: ProxyFields): PlinkJump | undefined {
  const argv = splitCommandLine(expandProxyCommand(command, fields));
  const program = argv[0]
    ?.split(/[\\/]/)
    .pop()
    ?.toLowerCase()
    .replace(/\.exe$/, '');
  if (program !== 'plink') return undefined;

  const jump: PlinkJump = { host: undefined, session: undefined, port: undefined, user: undefined };
  let netcat = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-') {
      // One target only: a second word would be a remote command, which -nc does not run.
      if (jump.host !== undefined) return undefined;
      const at = arg.lastIndexOf('@');
      jump.host = arg.slice(at + 1);
      if (at >= 0) jump.user = arg.slice(0, at);
      continue;
    }
    if (!WITH_ARGUMENT.has(arg)) continue;
    const value = argv[++i];
    if (value === undefined) return undefined;
    switch (arg) {
      case '-nc':
        if (value !== `${HOST}:${PORT}`) return undefined;
        netcat = true;
        break;
      case '-P':
        if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 65535) return undefined;
        jump.port = Number(value);
        break;
      case '-l':
        jump.user = value;
        break;
      case '-load':
        jump.session = value;
        break;
      // A second hop or a proxy of its own: more than one jump host.
      case '-J':
      case '-proxycmd':
        return undefined;
    }
  }
  if (!netcat || (jump.host === undefined && jump.session === undefined)) return undefined;
  if (jump.host !== undefined && (jump.host.includes(HOST) || jump.host.includes(PORT))) return undefined;
  return jump;
}

/**
 * The command as PuTTY runs it (`format_telnet_command`): `\\ \% \r \n \t \xHH`
 * escapes, `%%`, `%proxyhost`, `%proxyport`, `%user`; `%host` and `%port` stay
 * stand-ins. `%pass` becomes a stand-in too: the password is never needed here.
 */
function expandProxyCommand(format: string, fields: ProxyFields): string {
  let out = '';
  let i = 0;
  while (i < format.length) {
    const char = format[i]!;
    const next = format[i + 1];
    if (char === '\\' && next !== undefined) {
      const simple: Record<string, string> = { '\\': '\\', '%': '%', r: '\r', n: '\n', t: '\t' };
      const hex = /^[xX]([0-9a-fA-F]{2})/.exec(format.slice(i + 1));
      if (simple[next] !== undefined) {
        out += simple[next];
        i += 2;
      } else if (hex) {
        out += String.fromCharCode(parseInt(hex[1]!, 16));
        i += 4;
      } else {
        out += char + next;
        i += 2;
      }
      continue;
    }
    if (char === '%' && next !== undefined) {
      // Only as far as the longest word: the whole rest, once per `%`, was quadratic.
      const rest = format.slice(i + 1, i + 1 + 'proxyhost'.length).toLowerCase();
      const words: Array<[string, string]> = [
        ['%', '%'],
        ['host', HOST],
        ['port', PORT],
        ['user', fields.proxyUser],
        ['pass', PASSWORD],
        ['proxyhost', fields.proxyHost],
        ['proxyport', String(fields.proxyPort)],
      ];
      const word = words.find(([name]) => rest.startsWith(name));
      if (word) {
        out += word[1];
        i += 1 + word[0].length;
        continue;
      }
    }
    out += char;
    i++;
  }
  return out;
}

/** Words of a Windows command line, split as CommandLineToArgvW does (quotes, backslashes before quotes). */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '\\') {
      let count = 0;
      while (line[i] === '\\') {
        count++;
        i++;
      }
      if (line[i] === '"') {
        word += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) word += '"';
        else quoted = !quoted;
      } else {
        word += '\\'.repeat(count);
        i--;
      }
      inWord = true;
    } else if (char === '"') {
      if (quoted && line[i + 1] === '"') {
        word += '"';
        i++;
      } else {
        quoted = !quoted;
      }
      inWord = true;
    } else if (/\s/.test(char) && !quoted) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
