// Keys made by the real tools, imported by the app: ssh-keygen's OpenSSH
// files and PEM, and puttygen's .ppk in versions 2 and 3, encrypted or not,
// ED25519 and RSA-4096. Fingerprints must match `ssh-keygen -l`.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPrivateKey, shutdownKeyWorker } from '../../../src/main/keys';
import { PASS, run, sshKeygenFingerprint, workdir, type Workdir } from './tools';

let work: Workdir;
const expected: Record<string, { fingerprint: string; publicKey: string; bits: number; type: string }> = {};

beforeAll(() => {
  work = workdir();
  // One key of each accepted kind, made once: RSA-4096 is slow on 2 cores.
  for (const [name, args] of [
    ['ed25519', ['-t', 'ed25519']],
    ['rsa4096', ['-t', 'rsa', '-b', '4096']],
  ] as const) {
    run('ssh-keygen', ['-q', ...args, '-N', PASS, '-C', `${name}@firma.de`, '-f', work.path(name)]);
    const { fingerprint, bits } = sshKeygenFingerprint(work.path(`${name}.pub`));
    const publicKey = readFileSync(work.path(`${name}.pub`), 'utf8').trim();
    expected[name] = { fingerprint, bits, publicKey, type: publicKey.split(' ')[0]! };
    for (const version of [2, 3]) {
      const base = ['--old-passphrase', work.passFile, '-O', 'private', '--ppk-param', `version=${version}`];
      run('puttygen', [
        work.path(name),
        ...base,
        '--new-passphrase',
        work.passFile,
        '-o',
        work.path(`${name}-v${version}.ppk`),
      ]);
      run('puttygen', [
        work.path(name),
        ...base,
        '--new-passphrase',
        work.emptyPassFile,
        '-o',
        work.path(`${name}-v${version}-plain.ppk`),
      ]);
    }
  }
});

afterAll(async () => {
  work?.remove();
  await shutdownKeyWorker();
});

describe.each(['ed25519', 'rsa4096'])('%s', (name) => {
  const file = (suffix: string) => readFileSync(work.path(`${name}${suffix}`));

  it.each(['-v2.ppk', '-v3.ppk'])(
    'imports puttygen %s with the passphrase, same fingerprint as ssh-keygen',
    async (suffix) => {
      const text = file(suffix).toString('utf8');
      expect(text).toMatch(
        suffix === '-v3.ppk'
          ? /Encryption: aes256-cbc\nComment: .*\n[\s\S]*Key-Derivation: Argon2id/
          : /^PuTTY-User-Key-File-2: /,
      );
      const key = await importPrivateKey(file(suffix), { passphrase: PASS, source: `${name}${suffix}` });
      expect(key.fingerprint).toBe(expected[name]!.fingerprint);
      expect(key.bits).toBe(expected[name]!.bits);
      expect(key.type).toBe(expected[name]!.type);
      expect(key.comment).toBe(`${name}@firma.de`);
      expect(key.publicKey).toBe(expected[name]!.publicKey);
    },
  );

  it.each(['-v2.ppk', '-v3.ppk'])(
    'says keys.wrongPassphrase for %s with a wrong passphrase, and asks for a missing one',
    async (suffix) => {
      await expect(importPrivateKey(file(suffix), { passphrase: 'falsch' })).rejects.toMatchObject({
        code: 'keys.wrongPassphrase',
      });
      await expect(importPrivateKey(file(suffix))).rejects.toMatchObject({ code: 'keys.passphraseRequired' });
    },
  );

  it.each(['-v2-plain.ppk', '-v3-plain.ppk'])('imports unencrypted puttygen %s', async (suffix) => {
    expect(file(suffix).toString('utf8')).toContain('Encryption: none');
    const key = await importPrivateKey(file(suffix));
    expect(key.fingerprint).toBe(expected[name]!.fingerprint);
  });

  it('imports the ssh-keygen OpenSSH file (bcrypt) and tells a wrong passphrase', async () => {
    const key = await importPrivateKey(file(''), { passphrase: PASS });
    expect(key.fingerprint).toBe(expected[name]!.fingerprint);
    expect(key.publicKey).toBe(expected[name]!.publicKey);
    await expect(importPrivateKey(file(''), { passphrase: 'falsch' })).rejects.toMatchObject({
      code: 'keys.wrongPassphrase',
    });
  });

  it('says keys.corrupt for a .ppk whose comment was edited (MAC), with the right passphrase', async () => {
    const edited = file('-v3.ppk')
      .toString('utf8')
      .replace(`Comment: ${name}@firma.de`, 'Comment: someone@else.de');
    await expect(importPrivateKey(Buffer.from(edited), { passphrase: PASS })).rejects.toMatchObject({
      code: 'keys.corrupt',
    });
  });
});

describe('PEM from ssh-keygen', () => {
  it('imports an RSA-4096 key converted to PEM (PKCS#1, encrypted)', async () => {
    run('cp', [work.path('rsa4096'), work.path('rsa4096.pem')]);
    run('ssh-keygen', ['-p', '-q', '-P', PASS, '-N', PASS, '-m', 'PEM', '-f', work.path('rsa4096.pem')]);
    const data = readFileSync(work.path('rsa4096.pem'));
    expect(data.toString('utf8')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED/);
    const key = await importPrivateKey(data, { passphrase: PASS });
    expect(key.fingerprint).toBe(expected.rsa4096!.fingerprint);
    await expect(importPrivateKey(data)).rejects.toMatchObject({ code: 'keys.passphraseRequired' });
  });
});
