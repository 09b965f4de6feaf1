import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importKnownHosts } from '../../../../src/main/moving-in/openssh/known-hosts-file';
import { sshKeygen } from './openssh-tools';
import { tempHome } from './temp-home';

interface TestKey {
  type: string;
  base64: string;
  fingerprint: string;
}

/** Host keys made by the real ssh-keygen, with the fingerprints it prints. */
async function makeKey(dir: string, type: 'ed25519' | 'ecdsa' | 'rsa'): Promise<TestKey> {
  const file = join(dir, `key-${type}-${Math.random().toString(36).slice(2)}`);
  await sshKeygen(['-q', '-t', type, ...(type === 'rsa' ? ['-b', '2048'] : []), '-N', '', '-f', file]);
  const [keyType, base64] = readFileSync(`${file}.pub`, 'utf8').split(' ');
  const listed = await sshKeygen(['-l', '-E', 'sha256', '-f', `${file}.pub`]);
  return { type: keyType!, base64: base64!, fingerprint: listed.stdout.split(' ')[1]! };
}

let ed: TestKey;
let ec: TestKey;
let rsa: TestKey;
let other: TestKey;
beforeAll(async () => {
  const dir = tempHome().home;
  [ed, ec, rsa, other] = await Promise.all([
    makeKey(dir, 'ed25519'),
    makeKey(dir, 'ecdsa'),
    makeKey(dir, 'rsa'),
    makeKey(dir, 'ed25519'),
  ]);
});

describe('importing known_hosts', () => {
  it('imports plain, [host]:port and comma-listed names, one key per name, and reports each bad line by number', () => {
    const edBlob = Buffer.from(ed.base64, 'base64');
    const text = [
      /* 1 */ '# known_hosts von Hand gepflegt',
      /* 2 */ '',
      /* 3 */ `Meine-Schule.de,1.2.3.4 ${ed.type} ${ed.base64} root@portal`,
      /* 4 */ `[backup.meine-schule.de]:2222 ${ec.type} ${ec.base64}\r`,
      /* 5 */ `*.meine-schule.de,lan.schule ${ed.type} ${ed.base64}`,
      /* 6 */ `@revoked revoked.de ${other.type} ${other.base64}`,
      /* 7 */ `@cert-authority *.schule.de ${other.type} ${other.base64}`,
      /* 8 */ `bogus.de ssh-ed25519 AAAA!!!`,
      /* 9 */ `typ.de ssh-rsa ${ed.base64}`,
      /* 10 */ `kurz.de ssh-ed25519 ${edBlob.subarray(0, edBlob.length - 4).toString('base64')}`,
      /* 11 */ 'nurhost.de',
      /* 12 */ `@irgendwas x.de ${ed.type} ${ed.base64}`,
      /* 13 */ `[port.de]:99999 ${ed.type} ${ed.base64}`,
      /* 14 */ `|1|abc|def ${ed.type} ${ed.base64}`,
      /* 15 */ `\t!neg.de,ok.de  ${rsa.type}\t${rsa.base64}`,
    ].join('\n');
    const findings = importKnownHosts(text, '/home/max/.ssh/known_hosts');
    const key = (k: TestKey) => ({ keyType: k.type, keyBase64: k.base64, fingerprint: k.fingerprint });
    const origin = (line: number) => ({ source: '/home/max/.ssh/known_hosts', line });
    expect(findings.hostKeys).toEqual([
      { origin: origin(3), host: 'meine-schule.de', port: 22, hashedHost: null, ...key(ed) },
      { origin: origin(3), host: '1.2.3.4', port: 22, hashedHost: null, ...key(ed) },
      { origin: origin(4), host: 'backup.meine-schule.de', port: 2222, hashedHost: null, ...key(ec) },
      { origin: origin(5), host: 'lan.schule', port: 22, hashedHost: null, ...key(ed) },
      { origin: origin(15), host: 'ok.de', port: 22, hashedHost: null, ...key(rsa) },
    ]);
    const problem = (line: number, code: string, params: Record<string, unknown>) => ({
      ...origin(line),
      code,
      params,
    });
    expect(findings.problems).toEqual([
      problem(5, 'knownHosts.pattern', { pattern: '*.meine-schule.de' }),
      problem(6, 'knownHosts.revoked', { hosts: 'revoked.de', fingerprint: other.fingerprint }),
      problem(7, 'knownHosts.certAuthority', { hosts: '*.schule.de' }),
      problem(8, 'knownHosts.badKey', { hosts: 'bogus.de', keyType: 'ssh-ed25519' }),
      problem(9, 'knownHosts.badKey', { hosts: 'typ.de', keyType: 'ssh-rsa' }),
      problem(10, 'knownHosts.badKey', { hosts: 'kurz.de', keyType: 'ssh-ed25519' }),
      problem(11, 'knownHosts.badLine', {}),
      problem(12, 'knownHosts.badLine', { hosts: 'x.de' }),
      problem(13, 'knownHosts.badLine', { hosts: '[port.de]:99999' }),
      problem(14, 'knownHosts.badLine', { hosts: '|1|abc|def' }),
      problem(15, 'knownHosts.pattern', { pattern: '!neg.de' }),
    ]);
    expect(findings.profiles).toEqual([]);
  });

  it('keeps the entries `ssh-keygen -H` hashed as tokens, with no host or port', async () => {
    const t = tempHome();
    const file = t.write(
      '.ssh/known_hosts',
      `meine-schule.de ${ed.type} ${ed.base64}\n[backup.meine-schule.de]:2222 ${ec.type} ${ec.base64}\n`,
    );
    expect((await sshKeygen(['-H', '-f', file])).code).toBe(0);
    const hashed = readFileSync(file, 'utf8');
    const findings = importKnownHosts(hashed, file);
    expect(findings.problems).toEqual([]);
    const tokens = hashed
      .trim()
      .split('\n')
      .map((line) => line.split(' ')[0]);
    expect(tokens.every((token) => token?.startsWith('|1|'))).toBe(true);
    expect(findings.hostKeys).toEqual([
      { origin: { source: file, line: 1 }, host: null, port: null, hashedHost: tokens[0], ...keyOf(ed) },
      { origin: { source: file, line: 2 }, host: null, port: null, hashedHost: tokens[1], ...keyOf(ec) },
    ]);

    // A token whose salt or hash is not 20 bytes is not one OpenSSH wrote.
    const short = tokens[0]!.replace(/\|[^|]+$/, '|AAAA');
    writeFileSync(file, `${short} ${ed.type} ${ed.base64}\n`);
    expect(importKnownHosts(readFileSync(file, 'utf8'), file).problems.map((p) => p.code)).toEqual([
      'knownHosts.badLine',
    ]);
  });
});

function keyOf(k: TestKey) {
  return { keyType: k.type, keyBase64: k.base64, fingerprint: k.fingerprint };
}
