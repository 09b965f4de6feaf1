// Known hosts against a real OpenSSH sshd holding several host key types:
// the offer puts stored key types first, hashed entries (ssh-keygen -H) are
// matched, and a changed key of a stored type is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSshd, type Sshd } from '../../fixtures/sshd';
import { connectSsh, type ConnectSshOptions } from '../../../src/main/ssh/connect';
import { hostKeyFromOpenSshLine } from '../../../src/main/ssh/host-key';
import { AppError } from '../../../src/main/core/app-error';
import type { KnownHosts } from '../../../src/main/ssh/known-hosts';
import {
  debugRecorder,
  makeKeyDir,
  memoryKnownHosts,
  neverAskPrompter,
  scriptedPrompter,
  type KeyDir,
  type TestKey,
} from './support';

/** The host key algorithm ssh2 agreed on, from its debug output. */
function negotiated(lines: { line: string }[]): string | undefined {
  return lines.map((l) => /^Handshake: Host key format: (\S+)$/.exec(l.line)?.[1]).find(Boolean);
}

describe('known hosts with several host key types (OpenSSH sshd)', () => {
  let keys: KeyDir;
  let key: TestKey;
  let both: Sshd;
  let edOnly: Sshd;

  beforeAll(async () => {
    keys = makeKeyDir();
    key = keys.make('id');
    both = await startSshd({ authorizedKeys: [key.publicKey], hostKeyTypes: ['ed25519', 'rsa'] });
    edOnly = await startSshd({ authorizedKeys: [key.publicKey] });
  });
  afterAll(async () => {
    await both?.stop();
    await edOnly?.stop();
    keys?.remove();
  });

  const options = (sshd: Sshd, knownHosts: KnownHosts, overrides: Partial<ConnectSshOptions> = {}) => ({
    host: sshd.host,
    port: sshd.port,
    username: sshd.user,
    auth: { type: 'privateKey' as const, privateKey: key.privateKey },
    knownHosts,
    hostKeyPrompter: neverAskPrompter(),
    connectTimeoutMs: 10_000,
    ...overrides,
  });

  /** known_hosts lines for the sshd's keys, hashed by the real `ssh-keygen -H`. */
  function hashedLines(
    sshd: Sshd,
    publicKeys: string[],
  ): { token: string; keyType: string; keyBase64: string }[] {
    const file = join(keys.dir, `known_hosts-${sshd.port}`);
    writeFileSync(
      file,
      publicKeys.map((k) => `[${sshd.host}]:${sshd.port} ${k.split(' ').slice(0, 2).join(' ')}\n`).join(''),
    );
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    return readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => {
        const [token, keyType, keyBase64] = line.split(' ');
        return { token: token!, keyType: keyType!, keyBase64: keyBase64! };
      });
  }

  it('with nothing stored, the server presents its ed25519 key and we ask', async () => {
    const { knownHosts } = memoryKnownHosts();
    const prompter = scriptedPrompter('connectOnce');
    const recorder = debugRecorder();
    const connection = await connectSsh(
      options(both, knownHosts, { hostKeyPrompter: prompter, debug: recorder.debug }),
    );
    await connection.close();
    expect(prompter.questions).toEqual([
      {
        host: both.host,
        port: both.port,
        keyType: 'ssh-ed25519',
        fingerprint: both.hostKeys.ed25519!.fingerprint,
      },
    ]);
    expect(negotiated(recorder.lines)).toBe('ssh-ed25519');
  });

  it('with only its rsa key stored, offers rsa first and connects without asking', async () => {
    const { knownHosts } = memoryKnownHosts();
    knownHosts.remember(both.host, both.port, hostKeyFromOpenSshLine(both.hostKeys.rsa!.publicKey));
    const never = neverAskPrompter();
    const recorder = debugRecorder();
    const connection = await connectSsh(
      options(both, knownHosts, { hostKeyPrompter: never, debug: recorder.debug }),
    );
    await connection.close();
    expect(never.asked).toBe(0);
    expect(connection.hostKey).toMatchObject({
      keyType: 'ssh-rsa',
      fingerprint: both.hostKeys.rsa!.fingerprint,
    });
    expect(negotiated(recorder.lines)).toBe('rsa-sha2-512');
  });

  it('connects without asking to a server whose key is stored hashed (ssh-keygen -H)', async () => {
    const { knownHosts } = memoryKnownHosts();
    const [entry] = hashedLines(edOnly, [edOnly.hostPublicKey]);
    const result = knownHosts.add(
      [{ hashedHost: entry!.token, keyType: entry!.keyType, keyBase64: entry!.keyBase64 }],
      {
        replace: false,
      },
    );
    expect(result.added).toBe(1);
    const never = neverAskPrompter();
    const connection = await connectSsh(options(edOnly, knownHosts, { hostKeyPrompter: never }));
    await connection.close();
    expect(never.asked).toBe(0);
    expect(connection.hostKey.fingerprint).toBe(edOnly.hostFingerprint);
    expect(knownHosts.list()).toEqual([expect.objectContaining({ hashedHost: entry!.token })]);
  });

  it('orders the offer by a hashed entry too: only the rsa key stored hashed, no question', async () => {
    const { knownHosts } = memoryKnownHosts();
    const [entry] = hashedLines(both, [both.hostKeys.rsa!.publicKey]);
    knownHosts.add([{ hashedHost: entry!.token, keyType: entry!.keyType, keyBase64: entry!.keyBase64 }], {
      replace: false,
    });
    const never = neverAskPrompter();
    const recorder = debugRecorder();
    const connection = await connectSsh(
      options(both, knownHosts, { hostKeyPrompter: never, debug: recorder.debug }),
    );
    await connection.close();
    expect(never.asked).toBe(0);
    expect(connection.hostKey.keyType).toBe('ssh-rsa');
    expect(negotiated(recorder.lines)).toBe('rsa-sha2-512');
  });

  it('refuses a server whose ed25519 key differs from the stored one, without asking', async () => {
    const { knownHosts } = memoryKnownHosts();
    // Another server's ed25519 key, stored for this host:port.
    knownHosts.remember(both.host, both.port, hostKeyFromOpenSshLine(edOnly.hostPublicKey));
    const never = neverAskPrompter();
    const error = await connectSsh(options(both, knownHosts, { hostKeyPrompter: never })).then(
      () => {
        throw new Error('expected ssh.hostKeyChanged, but it connected');
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('ssh.hostKeyChanged');
    expect((error as AppError).params).toMatchObject({
      keyType: 'ssh-ed25519',
      fingerprint: both.hostKeys.ed25519!.fingerprint,
      knownKeyType: 'ssh-ed25519',
      knownFingerprint: edOnly.hostFingerprint,
    });
    expect(never.asked).toBe(0);
  });
});
