// Keys made by the app, checked by the real tools: ssh-keygen reads them with
// the passphrase and agrees on the public key, fingerprint, type and size;
// puttygen agrees on the fingerprint and reads the app's .ppk export; and the
// key logs in to a real sshd.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportPpk,
  generateKey,
  importPrivateKey,
  shutdownKeyWorker,
  writePrivateKeyFile,
  type GeneratedKey,
} from '../../../src/main/keys';
import { sshExec } from '../../fixtures/ssh-exec';
import { startSshd, type Sshd } from '../../fixtures/sshd';
import {
  KEYGEN_TYPE,
  PASS,
  puttygenFingerprint,
  run,
  sshKeygenFingerprint,
  workdir,
  type Workdir,
} from './tools';

let work: Workdir;
let sshd: Sshd;
const generated: Record<'ed25519' | 'rsa4096', GeneratedKey> = {} as never;

beforeAll(async () => {
  work = workdir();
  // Each key once per file: RSA-4096 generation is slow on 2 cores.
  const [ed, rsa] = await Promise.all([
    generateKey({ type: 'ed25519', comment: 'vorname.nachname@firma.de', passphrase: PASS }),
    generateKey({ type: 'rsa4096', comment: 'vorname.nachname@firma.de', passphrase: PASS }),
  ]);
  generated.ed25519 = ed;
  generated.rsa4096 = rsa;
  for (const [name, key] of Object.entries(generated)) {
    await writePrivateKeyFile(work.path(name), key.privateKeyOpenSsh, { overwrite: false });
    writeFileSync(work.path(`${name}.pub`), `${key.info.publicKey}\n`);
  }
  sshd = await startSshd({ authorizedKeys: [ed.info.publicKey, rsa.info.publicKey] });
});

afterAll(async () => {
  await sshd?.stop();
  work?.remove();
  await shutdownKeyWorker();
});

function login(privateKey: string | Buffer, passphrase?: string): Promise<string> {
  return sshExec(sshd, { privateKey, passphrase }, 'echo key-login-ok');
}

describe.each(['ed25519', 'rsa4096'] as const)('generated %s key', (name) => {
  it('is OpenSSH format, bcrypt + aes256-ctr, and accepted by the policy', () => {
    const key = generated[name];
    expect(key.privateKeyOpenSsh).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n/);
    const body = Buffer.from(key.privateKeyOpenSsh.replace(/-----[^-]+-----/g, ''), 'base64');
    expect(body.includes(Buffer.from('aes256-ctr'))).toBe(true);
    expect(body.includes(Buffer.from('bcrypt'))).toBe(true);
    expect(key.info.type).toBe(name === 'ed25519' ? 'ssh-ed25519' : 'ssh-rsa');
    expect(key.info.bits).toBe(name === 'ed25519' ? 256 : 4096);
    expect(key.info.comment).toBe('vorname.nachname@firma.de');
    expect(key.info.publicKey.endsWith(' vorname.nachname@firma.de')).toBe(true);
  });

  it('ssh-keygen -y -P prints the same public key; -l the same fingerprint, type and size', () => {
    const key = generated[name];
    const publicLine = run('ssh-keygen', ['-y', '-P', PASS, '-f', work.path(name)]).trim();
    expect(publicLine.split(' ').slice(0, 2)).toEqual(key.info.publicKey.split(' ').slice(0, 2));
    expect(sshKeygenFingerprint(work.path(`${name}.pub`))).toEqual({
      bits: key.info.bits,
      fingerprint: key.info.fingerprint,
      type: KEYGEN_TYPE[key.info.type],
    });
    expect(() => run('ssh-keygen', ['-y', '-P', 'falsch', '-f', work.path(name)])).toThrow();
  });

  it('puttygen agrees on the fingerprint', () => {
    const key = generated[name];
    const putty = puttygenFingerprint(work.path(name), work.passFile);
    expect(putty.type).toBe(key.info.type);
    expect(putty.fingerprint).toBe(key.info.fingerprint);
    // PuTTY counts ED25519 as 255 bits.
    expect(putty.bits).toBe(name === 'ed25519' ? 255 : 4096);
  });

  it('is written owner-only', () => {
    expect(readFileSync(work.path(name)).length > 0).toBe(true);
    const mode = run('stat', ['-c', '%a', work.path(name)]).trim();
    expect(mode).toBe('600');
  });

  it('logs in to a real sshd (OpenSSH private key + passphrase)', async () => {
    expect(await login(generated[name].privateKeyOpenSsh, PASS)).toBe('key-login-ok');
  });

  it('imports back with the same identity, and its .ppk export is read by puttygen', async () => {
    const key = generated[name];
    const loaded = await importPrivateKey(readFileSync(work.path(name)), { passphrase: PASS });
    expect(loaded.publicKey).toBe(key.info.publicKey);
    expect(loaded.fingerprint).toBe(key.info.fingerprint);

    writeFileSync(work.path(`${name}.ppk`), await exportPpk(loaded, PASS));
    const text = readFileSync(work.path(`${name}.ppk`), 'utf8');
    expect(text).toMatch(/^PuTTY-User-Key-File-3: /);
    expect(text).toContain('Key-Derivation: Argon2id\nArgon2-Memory: 8192\n');
    const fromPutty = run('puttygen', [
      work.path(`${name}.ppk`),
      '--old-passphrase',
      work.passFile,
      '-O',
      'public-openssh',
    ]).trim();
    expect(fromPutty).toBe(key.info.publicKey);
    // The public part alone is plain text; decrypting proves PuTTY accepts our
    // Argon2, AES and MAC: convert to OpenSSH and let ssh-keygen read that.
    const convert = (passFile: string) =>
      run('puttygen', [
        work.path(`${name}.ppk`),
        '--old-passphrase',
        passFile,
        '-O',
        'private-openssh',
        '-o',
        work.path(`${name}.conv`),
        '--new-passphrase',
        work.emptyPassFile,
      ]);
    convert(work.passFile);
    expect(
      run('ssh-keygen', ['-y', '-f', work.path(`${name}.conv`)])
        .trim()
        .split(' ')
        .slice(0, 2),
    ).toEqual(key.info.publicKey.split(' ').slice(0, 2));
    writeFileSync(work.path('wrong.txt'), 'falsch');
    expect(() => convert(work.path('wrong.txt'))).toThrow();

    // Unencrypted export, and our own reader agrees with it.
    writeFileSync(work.path(`${name}-plain.ppk`), await exportPpk(loaded, undefined));
    expect(run('puttygen', [work.path(`${name}-plain.ppk`), '-O', 'public-openssh']).trim()).toBe(
      key.info.publicKey,
    );
    const again = await importPrivateKey(readFileSync(work.path(`${name}.ppk`)), { passphrase: PASS });
    expect(again.fingerprint).toBe(key.info.fingerprint);
  });
});

describe('the imported KeyObject signs for real', () => {
  it('logs in with the RSA key re-exported from its KeyObject (PKCS#1 PEM)', async () => {
    const loaded = await importPrivateKey(Buffer.from(generated.rsa4096.privateKeyOpenSsh), {
      passphrase: PASS,
    });
    const pem = loaded.privateKey.export({ format: 'pem', type: 'pkcs1' }) as string;
    expect(await login(pem)).toBe('key-login-ok');
  });
});

describe('generateKey refuses bad requests', () => {
  it('without a passphrase, with a line break in the comment, or another type', async () => {
    await expect(generateKey({ type: 'ed25519', comment: 'a@b.de', passphrase: '' })).rejects.toMatchObject({
      code: 'keys.newPassphraseEmpty',
    });
    await expect(
      generateKey({ type: 'ed25519', comment: 'a@b.de\nssh-rsa AAAA', passphrase: PASS }),
    ).rejects.toMatchObject({
      code: 'keys.commentInvalid',
    });
    await expect(
      generateKey({ type: 'rsa2048' as 'rsa4096', comment: 'a@b.de', passphrase: PASS }),
    ).rejects.toMatchObject({
      code: 'keys.policyRefused',
    });
  });
});
