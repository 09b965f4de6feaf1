// Fuzzing the moving-in importers (issue 10), seeded and bounded: a PuTTY
// export (UTF-16LE, UTF-8, ANSI; sessions, jump sessions, host keys made from
// real keys), an ssh config with Include (loops, a self-include, a chain too
// deep), ProxyJump and wildcards, and a known_hosts file (plain, [host]:port,
// hashed, @revoked), damaged the ways files get damaged: bytes flipped, cut
// off (inside a UTF-16 character too), lines lost or doubled, junk lines, very
// long lines (up to 100 KB) and lines of thousands of arguments, NULs, mixed
// line ends, unbalanced quotes and brackets, include loops, `%XX` junk, bad
// host key hex; and plain random bytes through every importer. Each case goes
// through its importer and through the preview path (readImportSource +
// buildPreview). The oracle: an answer, never an exception, within
// CASE_LIMIT_MS per call (a synchronous endless loop is stopped by vm's
// timeout, an asynchronous one by the watchdog); findings and preview within
// their schemas, every problem naming a file and a line it has; host keys
// whose fingerprint is their blob's; never the text of a planted secret line.
//
// The seed is MOVING_IN_FUZZ_SEED or the fixed one below; a failure names
// seed, corpus, case and mutations, and leaves its input in the temp folder.
import {
  checkPrimeSync,
  createECDH,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
} from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { WireWriter } from '../../../src/main/core/wire';
import { importSshConfig } from '../../../src/main/moving-in/openssh/config-import';
import { importKnownHosts } from '../../../src/main/moving-in/openssh/known-hosts-file';
import { importPuttyRegFile } from '../../../src/main/moving-in/putty';
import { buildPreview, type HostKeyComparison } from '../../../src/main/services/moving-in/import-preview';
import { readImportSource } from '../../../src/main/services/moving-in/import-sources';
import { importPreviewSchema } from '../../../src/shared/contract/moving-in';
import {
  importedHostKeySchema,
  importedKeyFileSchema,
  importedProfileSchema,
  importProblemSchema,
  type ImportedHostKey,
  type ImportFindings,
} from '../../../src/shared/model/moving-in';
import type { Profile } from '../../../src/shared/model/profile';
import {
  encodeRegText,
  puttyHostKey,
  puttyRegText,
  puttySession,
  type RegFileOptions,
} from '../../fixtures/putty-reg';
import { prng } from '../../fixtures/prng';

const SEED = Number(process.env.MOVING_IN_FUZZ_SEED || 0x5eed_0a10) >>> 0;
const CASES = { puttyReg: 200, knownHosts: 200, sshConfig: 200, randomBytes: 80 };
/** One call (an importer, the preview path) may take this long; longer counts as a hang. */
const CASE_LIMIT_MS = 2_000;
/** A case still running after this is stuck for good: the watchdog ends the test process. */
const STUCK_MS = 20_000;
const LONG_LINE_MAX = 100_000;
/** Host names on one line and the like: enough to show quadratic work, few enough for the time bound. */
const MANY_ARGUMENTS = 6_000;

// ---------------------------------------------------------------- randomness

/** The shared seeded source, with the text shapes these corpora need. */
function random(seed: number) {
  const base = prng(seed);
  const { int } = base;
  return {
    ...base,
    hex: (n: number) => Array.from({ length: n }, () => int(16).toString(16)).join(''),
    /** Printable ASCII, space included. */
    printable: (n: number) => Buffer.from(Array.from({ length: n }, () => 0x20 + int(95))).toString('latin1'),
    word: (n: number) =>
      Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz0123456789-.'[int(38)]).join(''),
  };
}
type Random = ReturnType<typeof random>;

const seedOf = (corpus: number) => (SEED + corpus * 0x9e3779b9) >>> 0;

// ------------------------------------------------- host keys, made here, the same every run

interface TestKey {
  type: string;
  blob: Buffer;
  /** `type base64`, an OpenSSH public key line. */
  line: string;
}

const digest = (algorithm: string, label: string) =>
  createHash(algorithm).update(`moving-in fuzz ${label}`).digest();

function testKey(blob: Buffer, type: string): TestKey {
  return { type, blob, line: `${type} ${blob.toString('base64')}` };
}

const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function ed25519Key(label: string): TestKey {
  const seed = digest('sha256', label);
  const key = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const x = Buffer.from(createPublicKey(key).export({ format: 'jwk' }).x!, 'base64url');
  return testKey(new WireWriter().string('ssh-ed25519').string(x).toBuffer(), 'ssh-ed25519');
}

function ecdsaKey(curve: 'nistp256' | 'nistp384' | 'nistp521', label: string): TestKey {
  const [name, scalar] =
    curve === 'nistp256'
      ? ['prime256v1', digest('sha256', label)]
      : curve === 'nistp384'
        ? ['secp384r1', digest('sha384', label)]
        : ['secp521r1', Buffer.concat([Buffer.from([0, 1]), digest('sha512', label)])];
  const ecdh = createECDH(name);
  ecdh.setPrivateKey(scalar);
  const type = `ecdsa-sha2-${curve}`;
  return testKey(new WireWriter().string(type).string(curve).string(ecdh.getPublicKey()).toBuffer(), type);
}

/** RSA (public part) from two primes searched from fixed starting points: no randomness of its own. */
function rsaKey(bits: number, label: string): TestKey {
  const half = bits / 2;
  const prime = (part: string) => {
    let hex = '';
    for (let i = 0; hex.length < half / 4; i++)
      hex += digest('sha512', `${label}/${part}/${i}`).toString('hex');
    let candidate = BigInt(`0x${hex.slice(0, half / 4)}`) | (3n << BigInt(half - 2)) | 1n;
    while (!checkPrimeSync(candidate)) candidate += 2n;
    return candidate;
  };
  const magnitude = (value: bigint) => {
    const hex = value.toString(16);
    return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  };
  const n = prime('p') * prime('q');
  const blob = new WireWriter().string('ssh-rsa').mpint(magnitude(65537n)).mpint(magnitude(n)).toBuffer();
  return testKey(blob, 'ssh-rsa');
}

interface Keys {
  ed: TestKey;
  ed2: TestKey;
  rsa: TestKey;
  ec256: TestKey;
  ec384: TestKey;
  ec521: TestKey;
}

function makeKeys(): Keys {
  return {
    ed: ed25519Key('ed'),
    ed2: ed25519Key('ed2'),
    rsa: rsaKey(2048, 'rsa'),
    ec256: ecdsaKey('nistp256', 'ec256'),
    ec384: ecdsaKey('nistp384', 'ec384'),
    ec521: ecdsaKey('nistp521', 'ec521'),
  };
}

// ------------------------------------------------------------------ corpora

function regCorpus(keys: Keys): string {
  return puttyRegText({
    sessions: [
      puttySession('Schule München', {
        HostName: 'portal.schule-muenchen.de',
        UserName: 'admin',
        PortNumber: 2222,
        AgentFwd: 1,
        PingInterval: 1,
        Environment: 'EMAIL=max@schule.de,LANG=de\\,DE',
        PublicKeyFile: 'C:\\Users\\max\\.ssh\\schule.ppk',
      }),
      // A jump through another saved session, and through a host of its own.
      puttySession('Backup München', {
        HostName: 'backup.schule-muenchen.de',
        ProxyMethod: 6,
        ProxyHost: 'Schule München',
        ProxyPort: 22,
      }),
      puttySession('Backup über Portal', {
        HostName: 'root@10.0.0.5',
        ProxyMethod: 6,
        ProxyHost: 'admin@portal.example.org',
        ProxyPort: 2222,
      }),
      puttySession('Plink-Sprung', {
        HostName: 'backup.example.org',
        ProxyMethod: 5,
        ProxyTelnetCommand: 'plink.exe -P 2222 -l admin portal.example.org -nc %host:%port\\n',
      }),
      puttySession('.versteckt *?%\\€', { HostName: '[2001:db8::1]:22', ProxyType: 2 }),
      puttySession('Router', { HostName: 'router.lan', Protocol: 'telnet', PortNumber: 23 }),
      puttySession('Leer'),
      puttySession('Default Settings', { HostName: 'default.example' }),
    ],
    hostKeys: [
      puttyHostKey(keys.ed.line, 'portal.schule-muenchen.de', 2222),
      puttyHostKey(keys.rsa.line, 'backup.schule-muenchen.de'),
      puttyHostKey(keys.ec256.line, '10.0.0.5'),
      puttyHostKey(keys.ec384.line, 'Schule Übung'),
      puttyHostKey(keys.ec521.line, 'portal.example.org', 2222),
      { type: 'ssh-dss', port: 22, host: 'alt.example', value: '0x1,0x2,0x3,0x4' },
    ],
  });
}

function hashedHost(name: string): string {
  const salt = digest('sha1', name);
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

function knownHostsCorpus(keys: Keys): string {
  const b64 = (key: TestKey) => key.blob.toString('base64');
  return [
    '# known_hosts der Schule',
    `portal.schule.de,10.0.0.1 ${keys.ed.line}`,
    `[backup.schule.de]:2222 ${keys.ec256.line} admin@backup`,
    `${hashedHost('portal.schule.de')} ${keys.rsa.line}`,
    `${hashedHost('[10.0.0.5]:2222')} ${keys.ec384.line}`,
    `@revoked alt.schule.de ${keys.ed2.line}`,
    `@cert-authority *.schule.de ${keys.ec521.line}`,
    `*.lan,!gast.lan ${keys.ed.line}`,
    '',
    `[2001:db8::1]:22,2001:db8::1 ${keys.ec256.line} ipv6 host`,
    `   mixed.example\t${keys.rsa.type}\t${b64(keys.rsa)}\tcomment with\ttabs`,
    `Portal.Schule.DE ${keys.ec521.line}`,
    '',
  ].join('\n');
}

const SSH_CONFIG = `# ~/.ssh/config für die Schule
Include config.d/*
Include ~/.ssh/extra

Host portal portal-alias
    HostName portal.schule.de
    User admin
    Port 2222
    IdentityFile ~/.ssh/id_ed25519
    IdentityFile %d/.ssh/id_%r
    ForwardAgent yes
    ServerAliveInterval 30

Host backup
    HostName 10.0.0.5
    User admin
    ProxyJump admin@portal:2222

Host backup-alt
    HostName backup.schule.de
    ProxyCommand ssh -q -W %h:%p portal

Host weit
    ProxyJump portal,backup

Host v6
    HostName 2001:db8::1
    ProxyJump [2001:db8::2]:22

Host "mit Leerzeichen" sonder=zeichen
    HostName %h.schule.de
    SendEnv EMAIL LANG -LANG
    SetEnv TERM=xterm
    LocalForward 8080 localhost:80

Host *.schule.de !gast.schule.de
    User lehrer
    Port 22

Match host *.lan exec "true"
    User lan

Host *
    ServerAliveInterval 60
    ControlPersist 10m
`;

/** Files under ~/.ssh: includes, an include loop, a self-include, a chain deeper than OpenSSH allows. */
const SSH_FILES: Record<string, string> = {
  config: SSH_CONFIG,
  'config.d/10-schule': 'Host schule2\n  HostName schule2.de\n  ProxyJump ssh://admin@portal:2222/\n',
  'config.d/20-loop': 'Host loop\n  HostName loop.de\nInclude loop-b\n',
  'loop-b': 'Include config.d/20-loop\nHost loop-b\n  User b\n',
  extra: 'Host extra\n  HostName extra.de\n  IdentityFile ~/.ssh/missing_key\nInclude extra\n',
  id_ed25519: 'not read: only its existence counts\n',
};
for (let i = 1; i <= 18; i++) {
  const name = (n: number) => `chain/d${String(n).padStart(2, '0')}`;
  SSH_FILES[name(i)] = `Include ${name(i + 1)}\nHost d${i}\n  HostName d${i}.de\n`;
}
/** The files a case may damage instead of the config itself. */
const SSH_MUTABLE = ['config', 'config', 'config', 'config', 'config.d/10-schule', 'extra', 'loop-b'];

// ---------------------------------------------------------------- mutations

type Corpus = 'puttyReg' | 'knownHosts' | 'sshConfig';

/** Tokens that mean something to each importer, for junk that gets past the first check. */
const VOCABULARY: Record<Corpus, string[]> = {
  puttyReg: [
    ...'[ ] " = @ - \\ , ; dword: hex: hex(2): hex(7):00, 00000016 0x 0xff nistp256 % %E4 rsa2@22:'.split(
      ' ',
    ),
    ...'"HostName" "ProxyMethod" "ProxyHost" "PortNumber" "Protocol" "ProxyTelnetCommand"'.split(' '),
    'HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions\\',
    'HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\SshHostKeys',
    'plink -nc %host:%port',
    'ssh-ed25519@22:host',
  ],
  sshConfig: (
    'Host Match Include HostName ProxyJump ProxyCommand ssh -W %h:%p * ? ! " \' = # \\ [ ] : @ , ~ %d % ' +
    'IdentityFile Port 99999 User ssh:// none SendEnv SetEnv ForwardAgent'
  ).split(' '),
  knownHosts: (
    '@revoked @cert-authority |1| | [ ]: ]:0 ssh-ed25519 ssh-rsa ecdsa-sha2-nistp256 ' +
    'sk-ssh-ed25519@openssh.com AAAA AAAAC3NzaC1lZDI1NTE5 = , * ! # : localhost'
  ).split(' '),
};

function garbageLine(corpus: Corpus, rnd: Random): string {
  switch (rnd.int(5)) {
    case 0:
      return rnd.printable(rnd.int(200));
    case 1:
      return rnd.bytes(rnd.int(100)).toString('latin1');
    case 2:
      // Anything in the BMP, lone surrogates included.
      return String.fromCharCode(...Array.from({ length: rnd.int(40) }, () => 1 + rnd.int(0xffff)));
    default: {
      const parts: string[] = [];
      for (let i = rnd.int(12); i >= 0; i--) {
        parts.push(rnd.chance(0.7) ? rnd.pick(VOCABULARY[corpus]) : rnd.word(1 + rnd.int(10)));
        parts.push(rnd.pick([' ', ' ', '\t', '', '=', '"']));
      }
      return parts.join('');
    }
  }
}

function longLine(corpus: Corpus, lines: string[], rnd: Random): string {
  const length = 1_000 + rnd.int(LONG_LINE_MAX - 1_000);
  switch (rnd.int(6)) {
    case 0: {
      // One character over and over, maybe with a word after it (a run of blanks, then something).
      const run = rnd.pick(['x', ' ', ' ', '\t', '"', '[', '\\', '%', ',', '*', '0', 'A']).repeat(length);
      return rnd.chance(0.5) ? `${run}${rnd.pick(VOCABULARY[corpus])}${rnd.pick(['', ' ', '\t '])}` : run;
    }
    case 1:
      return rnd.printable(length);
    case 2: {
      // A keyword, then very many different words: as many host names, patterns or hex digits.
      const head = rnd.pick(
        corpus === 'sshConfig'
          ? ['Host ', 'Host ', 'Host *', 'Match host ', 'SendEnv ', 'IdentityFile ', 'LocalForward ']
          : corpus === 'knownHosts'
            ? ['', '@revoked ', '|1|']
            : [
                '"HostName"="',
                '"Environment"="',
                '[HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions\\',
              ],
      );
      const words: string[] = [head];
      const separators = corpus === 'knownHosts' ? [','] : rnd.chance(0.5) ? [' '] : [' ', ',', '\\,', '='];
      for (let total = head.length; total < length;) {
        const word = rnd.word(3 + rnd.int(8));
        words.push(word, rnd.pick(separators));
        total += word.length + 1;
      }
      return words.join('');
    }
    case 3: {
      const line = (rnd.pick(lines) ?? 'x').replace(/[\r\n]+$/, '') || 'x';
      return `${line} `.repeat(Math.ceil(length / (line.length + 1))).slice(0, length);
    }
    case 4: {
      // An existing line grown in its middle: a name, host or value far longer than any real one.
      const line = (rnd.pick(lines) ?? '').replace(/[\r\n]+$/, '');
      const at = rnd.int(line.length + 1);
      const run = rnd.chance(0.5)
        ? rnd.pick(['x', 'a.', '0', '%41', 'ä', ' ', '\t']).repeat(length)
        : rnd.word(length);
      return line.slice(0, at) + run.slice(0, length) + line.slice(at);
    }
    default: {
      const parts: string[] = [];
      for (let total = 0; total < length;) {
        const token = rnd.pick(VOCABULARY[corpus]);
        parts.push(token);
        total += token.length;
      }
      return parts.join(rnd.pick(['', ' ']));
    }
  }
}

const INCLUDE_LINES = [
  ...'config ~/.ssh/config ./config link-config loop-b config.d/20-loop * chain/d01 ~other/.ssh/config'.split(
    ' ',
  ),
  ...'/dev/null /nonexistent-fernwartung/* "config ~ . config.d ?onfig ~/.ssh/*/*'.split(' '),
  'config.d/* extra',
  '',
].map((path) => `Include ${path}`.trimEnd());

/** The session values the PuTTY importer parses (host fields, plink commands, PuTTY's escapes). */
const READ_VALUES =
  /^"(HostName|UserName|ProxyHost|ProxyUsername|ProxyTelnetCommand|Environment|PublicKeyFile)"="/;

const PERCENT_JUNK = '% %G %0 %ZZ %00 %0A %0D %% %FF %5C %2E %7F %80 %9F %e4'.split(' ');

interface LineTools {
  /** Changes the text of line `index`, keeping its line end. */
  edit: (index: number, change: (text: string) => string) => void;
  splice: (text: string, insert: string, position?: number) => string;
  /** A random line whose text matches, or -1. */
  lineMatching: (test: RegExp) => number;
  eol: string;
}

/** A line-level mutation of `lines` (each with its own line end); returns its name. */
function mutateLines(corpus: Corpus, lines: string[], rnd: Random): string {
  const at = rnd.int(lines.length + 1);
  const eol = lines[0]?.endsWith('\r\n') ? '\r\n' : '\n';
  const some = () => rnd.int(lines.length);
  const tools: LineTools = {
    edit: (index, change) => {
      if (index < 0 || index >= lines.length) return;
      const [, text, end] = /^([^]*?)(\r?\n|\r)?$/.exec(lines[index]!)!;
      lines[index] = change(text ?? '') + (end ?? '');
    },
    splice: (text, insert, position = rnd.int(text.length + 1)) =>
      text.slice(0, position) + insert + text.slice(position),
    lineMatching: (test) => {
      const found = lines.flatMap((line, index) => (test.test(line) ? [index] : []));
      return found.length ? rnd.pick(found) : -1;
    },
    eol,
  };
  const { edit, splice } = tools;
  switch (rnd.int(11)) {
    case 0: {
      const from = some();
      lines.splice(from, 0, ...lines.slice(from, from + 1 + rnd.int(8)));
      return 'duplicateLines';
    }
    case 1:
      lines.splice(some(), 1 + rnd.int(rnd.chance(0.2) ? 20 : 3));
      return 'deleteLines';
    case 2:
      lines.splice(at, 0, garbageLine(corpus, rnd) + eol);
      return 'garbageLine';
    case 3:
      lines.splice(at, 0, longLine(corpus, lines, rnd) + eol);
      return 'longLine';
    case 4:
      edit(some(), (text) => splice(text, '\0'.repeat(1 + rnd.int(3))));
      return 'nul';
    case 5:
      // Lines joined, split or doubled: the line's own end follows what was added.
      for (let i = rnd.int(6); i >= 0; i--)
        edit(some(), (text) => text + rnd.pick(['\n', '\r', '\r\n', '\n\r', '\r\r\n', '']));
      return 'lineEnds';
    case 6:
      edit(some(), (text) =>
        rnd.chance(0.6)
          ? splice(text, rnd.pick(['"', "'", '[', ']', '\\', '=', '#', '@', '""', '[[', ']]']))
          : text.replace(/["'[\]]/, ''),
      );
      return 'unbalanced';
    case 7:
      edit(some(), (text) => text.slice(0, rnd.int(text.length + 1)));
      return 'cutLine';
    case 8: {
      const [a, b] = [some(), some()];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return 'swapLines';
    }
    default: {
      if (corpus === 'sshConfig' && rnd.chance(0.6)) {
        lines.splice(at, 0, (rnd.chance(0.5) ? '    ' : '') + rnd.pick(INCLUDE_LINES) + eol);
        return 'include';
      }
      if (corpus === 'sshConfig') {
        // A keyword that takes many arguments, with very many of them.
        const keyword = rnd.pick(['Host', 'Host', 'Match host', 'SendEnv', 'IdentityFile', 'Include']);
        const words = Array.from(
          { length: 1 + rnd.int(keyword === 'Include' ? 1_000 : MANY_ARGUMENTS) },
          () =>
            keyword === 'Include'
              ? rnd.pick(['extra', 'loop-b', 'config.d/*', 'nicht-da'])
              : rnd.word(2 + rnd.int(8)),
        );
        lines.splice(at, 0, `${keyword} ${words.join(rnd.pick([' ', ' ', '\t', '  ']))}${eol}`);
        return 'manyArguments';
      }
      const [name, special] = rnd.pick(Object.entries(SPECIAL[corpus]));
      return special(tools, rnd) === false ? `${name}(none)` : name;
    }
  }
}

/** Mutations that know a format; false when the file has no line to apply one to. */
type Special = (tools: LineTools, rnd: Random) => boolean;

const SPECIAL: Record<'puttyReg' | 'knownHosts', Record<string, Special>> = {
  puttyReg: {
    percentJunk({ edit, splice, lineMatching }, rnd) {
      // In a session name or a host key's host.
      const index = lineMatching(/^\[.*\\Sessions\\|^"[^"]*@\d+:/);
      edit(index, (text) => {
        const from = text.startsWith('[') ? text.lastIndexOf('\\') + 1 : text.indexOf(':') + 1;
        const end = text.startsWith('[') ? text.length - 1 : text.indexOf('"', from);
        return splice(text, rnd.pick(PERCENT_JUNK), from + rnd.int(Math.max(1, end - from + 1)));
      });
      return index >= 0;
    },
    growValue({ edit, splice, lineMatching }, rnd) {
      // A value the importer takes apart, grown long with the characters it looks for.
      const index = lineMatching(READ_VALUES);
      edit(index, (text) => {
        const start = text.indexOf('="') + 2;
        const run = rnd.pick([
          '%',
          '%h',
          '%41',
          '\\\\',
          '\\x4',
          '@',
          ':',
          '[',
          ']',
          ',',
          '=',
          ' ',
          '-P ',
          'a',
        ]);
        const grown = run.repeat(1 + rnd.int(LONG_LINE_MAX / run.length));
        return splice(text, grown, start + rnd.int(text.length - start));
      });
      return index >= 0;
    },
    dword({ edit, lineMatching }, rnd) {
      // Ports, proxy methods and flags with numbers PuTTY never writes.
      const index = lineMatching(/=dword:/);
      const digits = rnd.pick([
        rnd.hex(8),
        rnd.hex(1 + rnd.int(7)),
        '',
        rnd.hex(9),
        'zz',
        'ffffffff',
        '00000005',
      ]);
      edit(index, (text) => text.replace(/dword:.*/, `dword:${digits}`));
      return index >= 0;
    },
    hostKeyHex({ edit, lineMatching }, rnd) {
      const index = lineMatching(/^"[^"]*@\d+:[^"]*"="/);
      edit(index, (text) => {
        const start = text.indexOf('="') + 2;
        const value = text.slice(start, text.lastIndexOf('"'));
        const digit = () => {
          const positions = [...value].flatMap((c, i) => (/[0-9a-f]/.test(c) ? [i] : []));
          const p = positions.length ? rnd.pick(positions) : 0;
          return value.slice(0, p) + rnd.pick(['g', 'G', 'x', ' ', '-', '"', '\\', ',']) + value.slice(p + 1);
        };
        const broken = rnd.pick([
          digit,
          () => value.replace(/0x/, ''),
          () => `${value},0x1`,
          () => '',
          () => `0x${'f'.repeat(4000 + rnd.int(200))},0x3`,
          () => value.replace(/0x/g, '-0x'),
          () => value.toUpperCase(),
          () => value.replace(/nistp\d+/, 'nistp999'),
          () => value.split(',').reverse().join(','),
          () => value.split(',')[0] ?? '',
          () => '0x,0x',
          () => value.replace(/0x([0-9a-f])/, '0x0000$1'),
          () => value.slice(0, rnd.int(value.length + 1)),
        ])();
        return `${text.slice(0, start)}${broken}"`;
      });
      return index >= 0;
    },
  },
  knownHosts: {
    knownHostKey({ edit, lineMatching }, rnd) {
      const index = lineMatching(/^\s*\S+\s+\S+\s+\S+/);
      edit(index, (text) =>
        text.replace(/(\S+\s+\S+\s+)(\S+)/, (_whole, head: string, key: string) => {
          const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
          const p = rnd.int(key.length);
          const broken = rnd.pick([
            () => key.slice(0, p) + rnd.pick([...alphabet]) + key.slice(p + 1),
            () => key.slice(0, p),
            () => `${key}=`,
            () => key.replace(/=+$/, ''),
            () => 'AAAA',
            () => `${key.slice(0, p)}!${key.slice(p + 1)}`,
          ])();
          return head + broken;
        }),
      );
      return index >= 0;
    },
    knownHostName({ edit, splice, lineMatching }, rnd) {
      const index = lineMatching(/^\s*\S+\s+\S+\s+\S+/);
      edit(index, (text) => {
        const p = rnd.int(text.search(/\s|$/) + 1);
        return rnd.pick([
          () => splice(text, rnd.pick(['[', ']', ']:0', ']:99999', ']:', ',', ',,', '|', '*', '!', '@']), p),
          () => text.replace(/^\|1\|[^|]*/, (salt) => salt.slice(0, rnd.int(salt.length))),
          () => text.replace(/^\|1\|/, '|2|'),
          () => text.replace(/@revoked|@cert-authority/, rnd.pick(['@revokd', '@', '@revoked @revoked', ''])),
          () => `@revoked ${text}`,
          () => text.replace(/\s+/, rnd.pick(['\t', '  ', '\u00a0', ''])),
          () => text.toUpperCase(),
        ])();
      });
      return index >= 0;
    },
  },
};

/** A byte-level mutation; returns the new bytes and its name. */
function mutateBytes(input: Buffer, rnd: Random): [Buffer, string] {
  const out = Buffer.from(input);
  const at = rnd.int(out.length + 1);
  switch (rnd.int(6)) {
    case 0:
      for (let i = 1 + rnd.int(4); i > 0 && out.length; i--) out[rnd.int(out.length)]! ^= 1 << rnd.int(8);
      return [out, 'flipBits'];
    case 1:
      for (let i = 1 + rnd.int(4); i > 0 && out.length; i--) out[rnd.int(out.length)] = rnd.int(256);
      return [out, 'setBytes'];
    case 2:
      // Anywhere: inside a UTF-16 code unit too.
      return [out.subarray(0, at), `truncate@${at}`];
    case 3:
      return [Buffer.concat([out.subarray(0, at), out.subarray(at + 1 + rnd.int(32))]), 'deleteBytes'];
    case 4:
      return [
        Buffer.concat([out.subarray(0, at), out.subarray(at, at + 1 + rnd.int(64)), out.subarray(at)]),
        'repeatBytes',
      ];
    case 5:
      return [
        Buffer.concat([out.subarray(0, at), rnd.bytes(1 + rnd.int(32)), out.subarray(at)]),
        'insertBytes',
      ];
    default:
      return [
        Buffer.concat([out.subarray(0, at), Buffer.alloc(1 + rnd.int(4)), out.subarray(at)]),
        'nulBytes',
      ];
  }
}

interface Mutated {
  bytes: Buffer;
  mutations: string[];
}

type RegEncoding = NonNullable<RegFileOptions['encoding']>;

function encodeText(text: string, encoding: RegEncoding | 'utf-8'): Buffer {
  try {
    return encodeRegText(text, encoding);
  } catch {
    // A mutation put in a character Windows-1252 has not: as Latin-1, as a careless editor would.
    return Buffer.from(text, 'latin1');
  }
}

/** Line mutations on the text, then maybe byte mutations on its encoding; or bytes only. */
function mutate(corpus: Corpus, text: string, encoding: RegEncoding | 'utf-8', rnd: Random): Mutated {
  const mutations: string[] = [];
  let bytes: Buffer;
  if (rnd.chance(0.8)) {
    const lines = text.split(/(?<=\n)/);
    for (let i = 1 + rnd.int(3); i > 0; i--) mutations.push(mutateLines(corpus, lines, rnd));
    bytes = encodeText(lines.join(''), encoding);
  } else {
    bytes = encodeText(text, encoding);
  }
  if (mutations.length === 0 || rnd.chance(0.4)) {
    for (let i = 1 + rnd.int(2); i > 0; i--) {
      const [next, name] = mutateBytes(bytes, rnd);
      bytes = next;
      mutations.push(name);
    }
  }
  return { bytes, mutations };
}

// ------------------------------------------------------------------ secrets

/** Lines that stand for a password in a file: their text must never reach the findings. */
function secretLine(corpus: Corpus | 'any', marker: string, rnd: Random): string {
  const shapes: Record<Corpus, string[]> = {
    puttyReg: [`"Password"="${marker}"`, `Password=${marker}`, marker, `"ProxyPassword"="${marker}"`],
    sshConfig: [
      `Password ${marker}`,
      marker,
      `${marker} "`,
      `SetEnv PASSWORD=${marker}`,
      `ProxyCommand sshpass -p ${marker} ssh -W %h:%p portal`,
      `Match exec "echo ${marker}"`,
      `"${marker}`,
    ],
    knownHosts: [marker, `Password=${marker}`, `Passwort: ${marker}`, `# ${marker}`, `@${marker}`],
  };
  const corpusShapes = corpus === 'any' ? Object.values(shapes).flat() : shapes[corpus];
  return rnd.pick(corpusShapes);
}

/**
 * Inserts `line` at a line start of the (already damaged) input, encoded as
 * the importers will decode it there, so it stays a line of its own.
 */
function plantLine(input: Buffer, line: string, rnd: Random): Buffer {
  const le = input[0] === 0xff && input[1] === 0xfe;
  const be = input[0] === 0xfe && input[1] === 0xff;
  const bareLe = input.length >= 4 && input[0] !== 0 && input[1] === 0 && input[2] !== 0 && input[3] === 0;
  const utf8Bom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
  const unit = le || be || bareLe ? 2 : 1;
  const start = le || be ? 2 : utf8Bom ? 3 : 0;
  const starts = [start];
  for (let p = start + unit; p <= input.length; p += unit) {
    const newline =
      unit === 1
        ? input[p - 1] === 0x0a
        : be
          ? input[p - 2] === 0 && input[p - 1] === 0x0a
          : input[p - 2] === 0x0a && input[p - 1] === 0;
    if (newline) starts.push(p);
  }
  const at = rnd.pick(starts);
  let encoded = Buffer.from(`${line}\r\n`, unit === 2 ? 'utf16le' : 'latin1');
  if (be) encoded = Buffer.from(encoded).swap16();
  return Buffer.concat([input.subarray(0, at), encoded, input.subarray(at)]);
}

function plantSecrets(
  corpus: Corpus | 'any',
  input: Buffer,
  rnd: Random,
): { bytes: Buffer; markers: string[] } {
  const markers: string[] = [];
  let bytes = input;
  for (let i = 1 + rnd.int(2); i > 0; i--) {
    const marker = `S3CR3T-${rnd.hex(12)}`;
    markers.push(marker);
    bytes = plantLine(bytes, secretLine(corpus, marker, rnd), rnd);
  }
  return { bytes, markers };
}

// ------------------------------------------------------------------- timing

type Outcome<T> = { ok: true; value: T; ms: number } | { ok: false; what: string };

const CALL = '__movingInFuzzCall';
const CALL_SCRIPT = new Script(`globalThis.${CALL}()`);

function thrown(error: unknown): string {
  const failure = error as Error;
  const where = failure?.stack?.split('\n').find((line) => line.includes('/src/')) ?? '';
  return `threw ${failure?.name ?? typeof error}: ${failure?.message ?? String(error)} ${where.trim()}`;
}

/** A synchronous call, stopped by vm's timeout if it runs too long (an endless loop included). */
function timedSync<T>(call: () => T): Outcome<T> {
  const globals = globalThis as Record<string, unknown>;
  globals[CALL] = call;
  const started = performance.now();
  try {
    const value = CALL_SCRIPT.runInThisContext({ timeout: CASE_LIMIT_MS }) as T;
    return { ok: true, value, ms: performance.now() - started };
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      return { ok: false, what: `hang: no answer after ${CASE_LIMIT_MS} ms` };
    return { ok: false, what: thrown(error) };
  } finally {
    delete globals[CALL];
  }
}

/**
 * A case stuck in a synchronous loop inside an async importer never comes back
 * to be timed: a watchdog thread names it on stderr and ends this test
 * process, so the run fails with the case to reproduce instead of stalling.
 */
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const { state, label, limitMs } = workerData;
let seen = -1;
let since = Date.now();
setInterval(() => {
  const generation = Atomics.load(state, 0);
  if (generation !== seen || Atomics.load(state, 1) === 0) {
    seen = generation;
    since = Date.now();
    return;
  }
  if (Date.now() - since < limitMs) return;
  const text = Buffer.from(label).toString('utf8').replace(/\\0+$/, '');
  writeSync(2, 'moving-in fuzz: stuck for ' + limitMs + ' ms in ' + text + '\\n');
  process.kill(process.pid, 'SIGKILL');
}, 200);
`;

class Watchdog {
  private readonly state = new Int32Array(new SharedArrayBuffer(8));
  private readonly label = new Uint8Array(new SharedArrayBuffer(512));
  private readonly worker = new Worker(WATCHDOG, {
    eval: true,
    workerData: { state: this.state, label: this.label, limitMs: STUCK_MS },
  });

  constructor() {
    this.worker.unref();
  }

  enter(label: string): void {
    this.label.fill(0);
    this.label.set(Buffer.from(label).subarray(0, this.label.length - 1));
    Atomics.add(this.state, 0, 1);
    Atomics.store(this.state, 1, 1);
  }

  leave(): void {
    Atomics.store(this.state, 1, 0);
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

let watchdog: Watchdog;

async function timedAsync<T>(label: string, call: () => Promise<T>): Promise<Outcome<T>> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  watchdog.enter(label);
  try {
    return await Promise.race([
      call().then(
        (value): Outcome<T> => ({ ok: true, value, ms: performance.now() - started }),
        (error: unknown): Outcome<T> => ({ ok: false, what: thrown(error) }),
      ),
      new Promise<Outcome<T>>((resolve) => {
        timer = setTimeout(
          () => resolve({ ok: false, what: `hang: no answer after ${CASE_LIMIT_MS} ms` }),
          CASE_LIMIT_MS,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
    watchdog.leave();
  }
}

// ------------------------------------------------------------------- oracle

/**
 * Lines a file has, however an importer reads it: UTF-16 when it looks like
 * UTF-16, else bytes split at `\n` (ssh config, known_hosts) or at any of
 * `\r\n`, `\n`, `\r` (a .reg file); the largest count is the bound.
 */
function lineBound(bytes: Buffer): number {
  const latin1 = bytes.toString('latin1');
  let count = Math.max(latin1.split('\n').length, latin1.split(/\r\n|\n|\r/).length);
  const le = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[1] === 0 && bytes[3] === 0);
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (le || be) {
    const text = new TextDecoder(be ? 'utf-16be' : 'utf-16le').decode(bytes);
    count = Math.max(count, text.split(/\r\n|\n|\r/).length);
  }
  return count;
}

function blobType(blob: Buffer): string | null {
  if (blob.length < 4) return null;
  const length = blob.readUInt32BE(0);
  return length <= blob.length - 4 ? blob.subarray(4, 4 + length).toString('latin1') : null;
}

interface CaseInfo {
  label: string;
  file: string;
  markers: string[];
}

interface Tally {
  codes: Map<string, number>;
  profiles: number;
  hostKeys: number;
  keyFiles: number;
}

function newTally(): Tally {
  return { codes: new Map(), profiles: 0, hostKeys: 0, keyFiles: 0 };
}

class CaseFailure extends Error {}

function firstIssue(result: z.ZodSafeParseResult<unknown>): string | null {
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  return `${issue.path.join('.') || '(root)'}: ${issue.message}`;
}

function checkFindings(findings: ImportFindings, info: CaseInfo, where: string, tally: Tally): void {
  const fail = (what: string): never => {
    throw new CaseFailure(`${where}: ${what}`);
  };
  for (const part of ['profiles', 'hostKeys', 'keyFiles', 'problems'] as const) {
    if (!Array.isArray(findings[part])) fail(`${part} is not a list`);
  }
  const lines = new Map<string, number>();
  const checkLine = (source: string, line: number | null, what: string) => {
    if (source === '') fail(`${what} names no source`);
    if (line === null) return;
    if (!lines.has(source)) {
      let bytes: Buffer | undefined;
      try {
        if (statSync(source).isFile()) bytes = readFileSync(source);
      } catch {
        // below
      }
      if (!bytes) fail(`${what} names line ${line} of ${source}, which is no file that was read`);
      lines.set(source, lineBound(bytes!));
    }
    if (line > lines.get(source)! + 1)
      fail(`${what} names line ${line} of ${source}, which has ${lines.get(source)}`);
  };

  findings.profiles.forEach((profile, i) => {
    const issue = firstIssue(importedProfileSchema.safeParse(profile));
    if (issue) fail(`profile ${i} breaks its schema at ${issue}`);
    checkLine(profile.origin.source, profile.origin.line, `profile ${i}`);
  });
  findings.hostKeys.forEach((hostKey, i) => {
    const issue = firstIssue(importedHostKeySchema.safeParse(hostKey));
    if (issue) fail(`host key ${i} breaks its schema at ${issue}`);
    checkLine(hostKey.origin.source, hostKey.origin.line, `host key ${i}`);
    const blob = Buffer.from(hostKey.keyBase64, 'base64');
    if (blob.toString('base64') !== hostKey.keyBase64) fail(`host key ${i} is not canonical base64`);
    const sha = `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
    if (hostKey.fingerprint !== sha)
      fail(`host key ${i}: fingerprint ${hostKey.fingerprint} is not its blob's (${sha})`);
    if (blobType(blob) !== hostKey.keyType) fail(`host key ${i}: type ${hostKey.keyType} is not its blob's`);
    const named = hostKey.host !== null && hostKey.port !== null && hostKey.hashedHost === null;
    const hashed = hostKey.host === null && hostKey.port === null && hostKey.hashedHost !== null;
    if (!named && !hashed) fail(`host key ${i} is neither host and port nor a hashed host`);
  });
  findings.keyFiles.forEach((keyFile, i) => {
    const issue = firstIssue(importedKeyFileSchema.safeParse(keyFile));
    if (issue) fail(`key file ${i} breaks its schema at ${issue}`);
  });
  findings.problems.forEach((problem, i) => {
    const issue = firstIssue(importProblemSchema.safeParse(problem));
    if (issue) fail(`problem ${i} (${String(problem.code)}) breaks its schema at ${issue}`);
    checkLine(problem.source, problem.line, `problem ${i} (${problem.code})`);
    tally.codes.set(problem.code, (tally.codes.get(problem.code) ?? 0) + 1);
  });
  const json = JSON.stringify(findings);
  for (const marker of info.markers) {
    if (json.includes(marker)) fail(`the text of a secret line (${marker}) is in the findings`);
  }
  tally.profiles += findings.profiles.length;
  tally.hostKeys += findings.hostKeys.length;
  tally.keyFiles += findings.keyFiles.length;
}

// --------------------------------------------------------------- the preview

let work: string;
let home: string;
let keys: Keys;

const EXISTING: Profile[] = [
  {
    id: 'stored-1',
    kind: 'portal',
    name: 'portal',
    host: 'portal.schule.de',
    port: 2222,
    portalHost: '',
    portalPort: 22,
    user: 'admin',
    keyPath: '',
    favourite: false,
    lastUsedAt: null,
    agentForwarding: true,
    autoReconnect: false,
  },
  {
    id: 'stored-2',
    kind: 'portal',
    name: 'Schule München',
    host: 'anders.example',
    port: 22,
    portalHost: '',
    portalPort: 22,
    user: '',
    keyPath: '',
    favourite: true,
    lastUsedAt: 1,
    agentForwarding: false,
    autoReconnect: false,
  },
];

/** As KnownHosts would answer: a key not of its type is invalid; one key is stored, one host has another. */
function compareHostKey(key: ImportedHostKey): HostKeyComparison {
  if (blobType(Buffer.from(key.keyBase64, 'base64')) !== key.keyType)
    return { status: 'invalid', existingFingerprint: null };
  if (key.keyBase64 === keys.ed.blob.toString('base64')) return { status: 'same', existingFingerprint: null };
  if (key.host === 'backup.schule.de') return { status: 'conflict', existingFingerprint: 'SHA256:stored' };
  return { status: 'new', existingFingerprint: null };
}

async function checkPreviewPath(info: CaseInfo, tally: Tally): Promise<void> {
  const read = await timedAsync(`${info.label}: readImportSource`, () =>
    readImportSource({ file: info.file }, { home }),
  );
  if (!read.ok) throw new CaseFailure(`readImportSource: ${read.what}`);
  if (read.ms > CASE_LIMIT_MS) throw new CaseFailure(`readImportSource took ${Math.round(read.ms)} ms`);
  checkFindings(read.value.findings, info, 'readImportSource', tally);

  const built = timedSync(() =>
    buildPreview(read.value.findings, {
      previewId: 'fuzz',
      sources: read.value.sources,
      existingProfiles: EXISTING,
      compareHostKeys: (found) => found.map(compareHostKey),
      loadedKeyPaths: new Set([join(home, '.ssh', 'id_ed25519')]),
      home,
    }),
  );
  if (!built.ok) throw new CaseFailure(`buildPreview: ${built.what}`);
  if (built.ms > CASE_LIMIT_MS) throw new CaseFailure(`buildPreview took ${Math.round(built.ms)} ms`);
  const { preview } = built.value;
  const checked = importPreviewSchema.safeParse(preview);
  const issue = checked.error?.issues[0];
  if (issue)
    throw new CaseFailure(`the preview breaks its schema at ${issue.path.join('.')}: ${issue.message}`);
  const ids = [...preview.profiles, ...preview.hostKeys, ...preview.keyFiles].map((item) => item.id);
  if (new Set(ids).size !== ids.length) throw new CaseFailure('the preview repeats an id');
  checkFindings(
    {
      profiles: [],
      hostKeys: preview.hostKeys.map((item) => item.hostKey),
      keyFiles: [],
      problems: preview.problems,
    },
    info,
    'buildPreview',
    newTally(),
  );
  const json = JSON.stringify(preview);
  for (const marker of info.markers) {
    if (json.includes(marker))
      throw new CaseFailure(`the text of a secret line (${marker}) is in the preview`);
  }
}

type Importer = () => ImportFindings | Promise<ImportFindings>;

/** One case: the importer itself, then the preview path; a failure names everything needed to run it again. */
async function runCase(info: CaseInfo, input: Buffer, importer: Importer, sync: boolean, tally: Tally) {
  try {
    const outcome = sync
      ? timedSync(importer as () => ImportFindings)
      : await timedAsync(info.label, importer as () => Promise<ImportFindings>);
    if (!outcome.ok) throw new CaseFailure(`importer: ${outcome.what}`);
    if (outcome.ms > CASE_LIMIT_MS) throw new CaseFailure(`importer took ${Math.round(outcome.ms)} ms`);
    checkFindings(outcome.value, info, 'importer', tally);
    await checkPreviewPath(info, tally);
  } catch (error) {
    if (!(error instanceof CaseFailure)) throw error;
    // The input is made by this run (no real secret); kept so the case can be read or turned into a test.
    const kept = join(tmpdir(), `moving-in-fuzz-${SEED.toString(16)}-${info.label.replace(/\W+/g, '-')}.bin`);
    writeFileSync(kept, input);
    expect.fail(`seed 0x${SEED.toString(16)}, ${info.label}: ${error.message} (input kept in ${kept})`);
  }
}

function writeHomeFile(relative: string, content: string | Buffer): string {
  const path = join(home, '.ssh', relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** Whatever the tests saw, every corpus must reach deep: findings offered and the problems it is about. */
function expectReached(tally: Tally, codes: string[]) {
  expect(tally.profiles + tally.hostKeys).toBeGreaterThan(0);
  for (const code of codes) expect(tally.codes.get(code) ?? 0, code).toBeGreaterThan(0);
}

// -------------------------------------------------------------------- tests

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'fw-moving-in-fuzz-'));
  home = join(work, 'home');
  for (const [relative, content] of Object.entries(SSH_FILES)) writeHomeFile(relative, content);
  try {
    symlinkSync('config', join(home, '.ssh', 'link-config'));
  } catch {
    // No symlinks here (Windows without the right): the loop through a link goes untested.
  }
  keys = makeKeys();
  watchdog = new Watchdog();
});

afterAll(async () => {
  await watchdog?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('moving-in importers, fuzzed', () => {
  it('PuTTY .reg exports in every encoding, damaged', async () => {
    const rnd = random(seedOf(1));
    const text = regCorpus(keys);
    const tally = newTally();
    const file = join(work, 'putty.reg');
    for (let n = 1; n <= CASES.puttyReg; n++) {
      const encoding = rnd.pick<RegEncoding>(['utf-16le', 'utf-16le', 'utf-8', 'utf-8-bom', 'ansi']);
      const base =
        encoding === 'ansi' ? text.replace('Windows Registry Editor Version 5.00', 'REGEDIT4') : text;
      const { bytes: damaged, mutations } = mutate('puttyReg', base, encoding, rnd);
      const { bytes, markers } = plantSecrets('puttyReg', damaged, rnd);
      writeFileSync(file, bytes);
      const info = { label: `puttyReg case ${n} [${encoding}: ${mutations.join(', ')}]`, file, markers };
      await runCase(info, bytes, () => importPuttyRegFile(bytes, file), true, tally);
    }
    expectReached(tally, [
      'reg.badLine',
      'reg.badValue',
      'reg.truncated',
      'putty.hostKeyUnreadable',
      'putty.proxyUnsupported',
    ]);
  });

  it('known_hosts files, damaged', async () => {
    const rnd = random(seedOf(2));
    const text = knownHostsCorpus(keys);
    const tally = newTally();
    const file = join(work, 'known_hosts');
    for (let n = 1; n <= CASES.knownHosts; n++) {
      const { bytes: damaged, mutations } = mutate('knownHosts', text, 'utf-8', rnd);
      const { bytes, markers } = plantSecrets('knownHosts', damaged, rnd);
      writeFileSync(file, bytes);
      const info = { label: `knownHosts case ${n} [${mutations.join(', ')}]`, file, markers };
      await runCase(info, bytes, () => importKnownHosts(bytes.toString('utf8'), file), true, tally);
    }
    expectReached(tally, [
      'knownHosts.badLine',
      'knownHosts.badKey',
      'knownHosts.revoked',
      'knownHosts.pattern',
    ]);
  });

  it('ssh configs with includes, damaged, include loops added', async () => {
    const rnd = random(seedOf(3));
    const tally = newTally();
    const config = join(home, '.ssh', 'config');
    for (let n = 1; n <= CASES.sshConfig; n++) {
      const target = rnd.pick(SSH_MUTABLE);
      const { bytes: damaged, mutations } = mutate('sshConfig', SSH_FILES[target]!, 'utf-8', rnd);
      const { bytes, markers } = plantSecrets('sshConfig', damaged, rnd);
      writeHomeFile(target, bytes);
      const info = {
        label: `sshConfig case ${n} [${target}: ${mutations.join(', ')}]`,
        file: config,
        markers,
      };
      await runCase(info, bytes, () => importSshConfig(config, { home }), false, tally);
      writeHomeFile(target, SSH_FILES[target]!);
    }
    expectReached(tally, [
      'sshConfig.badLine',
      'sshConfig.includeLoop',
      'sshConfig.includeUnreadable',
      'sshConfig.multiHop',
    ]);
  });

  it('random bytes, through every importer', async () => {
    const rnd = random(seedOf(4));
    const tally = newTally();
    const file = join(work, 'random');
    const heads = [
      Buffer.alloc(0),
      Buffer.from([0xff, 0xfe]),
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Windows Registry Editor Version 5.00\r\n'),
      Buffer.from(
        '\uFEFFWindows Registry Editor Version 5.00\r\n[HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions\\x]\r\n',
        'utf16le',
      ),
      Buffer.from('Host x\n'),
    ];
    for (let n = 1; n <= CASES.randomBytes; n++) {
      const corpus = rnd.pick<Corpus>(['puttyReg', 'knownHosts', 'sshConfig']);
      const body = rnd.chance(0.5)
        ? rnd.bytes(rnd.int(rnd.chance(0.1) ? 65_536 : 4_096))
        : Buffer.from(
            Array.from({ length: rnd.int(60) }, () => garbageLine(corpus, rnd)).join(
              rnd.pick(['\n', '\r\n', '\r']),
            ),
            rnd.pick(['utf8', 'latin1', 'utf16le'] as const),
          );
      const { bytes, markers } = plantSecrets('any', Buffer.concat([rnd.pick(heads), body]), rnd);
      writeFileSync(file, bytes);
      const label = `randomBytes case ${n} [${bytes.length} bytes]`;
      const info = { label, file, markers };
      await runCase(
        { ...info, label: `${label} puttyReg` },
        bytes,
        () => importPuttyRegFile(bytes, file),
        true,
        tally,
      );
      await runCase(
        { ...info, label: `${label} knownHosts` },
        bytes,
        () => importKnownHosts(bytes.toString('utf8'), file),
        true,
        tally,
      );
      await runCase(
        { ...info, label: `${label} sshConfig` },
        bytes,
        () => importSshConfig(file, { home }),
        false,
        tally,
      );
    }
    expect(tally.codes.size).toBeGreaterThan(3);
  });
});
