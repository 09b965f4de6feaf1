import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  exportKnownHosts,
  type KnownHostsExportEntry,
} from '../../../../src/main/moving-in/export/known-hosts-export';
import { importKnownHosts } from '../../../../src/main/moving-in/openssh/known-hosts-file';
import { sshKeygen } from '../openssh/openssh-tools';
import { tempHome } from '../openssh/temp-home';

async function hostKey(
  dir: string,
  type: 'ed25519' | 'ecdsa',
): Promise<{ keyType: string; keyBase64: string }> {
  const file = join(dir, `host-${type}`);
  await sshKeygen(['-q', '-t', type, '-N', '', '-f', file]);
  const [keyType, keyBase64] = readFileSync(`${file}.pub`, 'utf8').split(' ');
  return { keyType: keyType!, keyBase64: keyBase64! };
}

describe('exporting known hosts', () => {
  it('writes lines `ssh-keygen -F` finds: plain, [host]:port, IPv6, and a hashed token as it is', async () => {
    const t = tempHome();
    const ed = await hostKey(t.home, 'ed25519');
    const ec = await hostKey(t.home, 'ecdsa');
    // A hashed token made by ssh-keygen -H, then carried through our own import.
    const plain = t.write('plain_hosts', `versteckt.de ${ec.keyType} ${ec.keyBase64}\n`);
    await sshKeygen(['-H', '-f', plain]);
    const hashed = importKnownHosts(readFileSync(plain, 'utf8'), plain).hostKeys[0]!;
    expect(hashed.hashedHost).toMatch(/^\|1\|/);

    const entries: KnownHostsExportEntry[] = [
      { host: 'meine-schule.de', port: 22, hashedHost: null, ...ed },
      { host: 'backup.meine-schule.de', port: 2222, hashedHost: null, ...ec },
      { host: '2001:db8::1', port: 22, hashedHost: null, ...ed },
      {
        host: null,
        port: null,
        hashedHost: hashed.hashedHost,
        keyType: hashed.keyType,
        keyBase64: hashed.keyBase64,
      },
      // Left out: they would break the file or say nothing.
      { host: 'evil.de\n*', port: 22, hashedHost: null, ...ed },
      { host: null, port: null, hashedHost: null, ...ed },
      { host: 'x.de', port: 22, hashedHost: null, keyType: 'ssh-ed25519 x', keyBase64: ed.keyBase64 },
    ];
    const text = exportKnownHosts(entries);
    expect(text.split('\n')).toHaveLength(5);
    const file = t.write('.ssh/known_hosts', text);
    for (const [query, key] of [
      ['meine-schule.de', ed],
      ['[backup.meine-schule.de]:2222', ec],
      ['2001:db8::1', ed],
      ['versteckt.de', ec],
    ] as const) {
      const found = await sshKeygen(['-F', query, '-f', file]);
      expect([query, found.code, found.stdout.includes(key.keyBase64)]).toEqual([query, 0, true]);
    }
    for (const absent of ['backup.meine-schule.de', 'evil.de', 'x.de']) {
      expect([absent, (await sshKeygen(['-F', absent, '-f', file])).code]).toEqual([absent, 1]);
    }

    // And our importer reads back what was exported.
    const back = importKnownHosts(text, file);
    expect(back.problems).toEqual([]);
    expect(
      back.hostKeys.map(({ host, port, hashedHost, keyType, keyBase64 }) => ({
        host,
        port,
        hashedHost,
        keyType,
        keyBase64,
      })),
    ).toEqual(entries.slice(0, 4));
  });
});
