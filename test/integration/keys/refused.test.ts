// Keys the vendor does not accept, made by the real tools, are refused on
// import with keys.policyRefused naming their type and size.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPrivateKey, shutdownKeyWorker } from '../../../src/main/keys';
import { PASS, run, workdir, type Workdir } from './tools';

let work: Workdir;

beforeAll(() => {
  work = workdir();
  run('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', PASS, '-f', work.path('rsa2048')]);
  run('ssh-keygen', ['-q', '-t', 'ecdsa', '-b', '256', '-N', '', '-f', work.path('ecdsa256')]);
  run('ssh-keygen', ['-q', '-t', 'dsa', '-N', '', '-f', work.path('dsa')]);
  run('puttygen', [
    '-q',
    '-t',
    'rsa',
    '-b',
    '2048',
    '--new-passphrase',
    work.passFile,
    '-o',
    work.path('rsa2048.ppk'),
  ]);
  run('puttygen', [
    '-q',
    '-t',
    'ecdsa',
    '-b',
    '256',
    '--new-passphrase',
    work.emptyPassFile,
    '-o',
    work.path('ecdsa256.ppk'),
  ]);
  run('puttygen', [
    '-q',
    '-t',
    'dsa',
    '-b',
    '1024',
    '--new-passphrase',
    work.passFile,
    '-o',
    work.path('dsa.ppk'),
    '--ppk-param',
    'version=2',
  ]);
  run('puttygen', [
    '-q',
    '-t',
    'rsa',
    '-b',
    '3072',
    '--new-passphrase',
    work.emptyPassFile,
    '-o',
    work.path('rsa3072.ppk'),
  ]);
});

afterAll(async () => {
  work?.remove();
  await shutdownKeyWorker();
});

describe('policy on import', () => {
  it.each([
    ['rsa2048', 'ssh-rsa', 2048],
    ['ecdsa256', 'ecdsa-sha2-nistp256', 256],
    ['dsa', 'ssh-dss', 1024],
    ['rsa2048.ppk', 'ssh-rsa', 2048],
    ['ecdsa256.ppk', 'ecdsa-sha2-nistp256', 256],
    ['dsa.ppk', 'ssh-dss', 1024],
    ['rsa3072.ppk', 'ssh-rsa', 3072],
  ])('refuses %s as %s with %i bits, with or without the passphrase', async (file, type, bits) => {
    const data = readFileSync(work.path(file));
    for (const passphrase of [PASS, undefined]) {
      const error = await importPrivateKey(data, { passphrase }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'keys.policyRefused', params: { type, bits } });
    }
  });
});
