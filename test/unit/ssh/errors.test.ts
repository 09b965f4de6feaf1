import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/main/core/app-error';
import { mapKeyParseError, mapSshError } from '../../../src/main/ssh/errors';

const ctx = { host: 'schule.example', port: 22, username: 'iserv-max.muster', timeoutMs: 20_000 };
const err = (message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), extra);

describe('mapSshError', () => {
  it.each([
    [err('getaddrinfo ENOTFOUND schule.example', { code: 'ENOTFOUND' }), 'ssh.hostNotFound'],
    [err('getaddrinfo EAI_AGAIN schule.example', { code: 'EAI_AGAIN' }), 'ssh.hostNotFound'],
    [
      err('connect ECONNREFUSED 127.0.0.1:22', { code: 'ECONNREFUSED', level: 'client-socket' }),
      'ssh.connectionRefused',
    ],
    [err('connect EHOSTUNREACH', { code: 'EHOSTUNREACH' }), 'ssh.hostUnreachable'],
    [err('Timed out while waiting for handshake', { level: 'client-timeout' }), 'ssh.timeout'],
    [err('connect ETIMEDOUT', { code: 'ETIMEDOUT' }), 'ssh.timeout'],
    [err('Keepalive timeout', { level: 'client-timeout' }), 'ssh.keepaliveTimeout'],
    [
      err('All configured authentication methods failed', { level: 'client-authentication' }),
      'ssh.authFailed',
    ],
    [
      err('Handshake failed: no matching key exchange algorithm', { level: 'handshake' }),
      'ssh.algorithmUnsupported',
    ],
    [
      err('Handshake failed: no matching host key format', { level: 'handshake' }),
      'ssh.algorithmUnsupported',
    ],
    [err('Unknown DH group'), 'ssh.algorithmUnsupported'],
    [err('Unknown cipher'), 'ssh.algorithmUnsupported'],
    [err('Invalid EC curve name', { code: 'ERR_CRYPTO_INVALID_CURVE' }), 'ssh.algorithmUnsupported'],
    [err('Digest method not supported'), 'ssh.algorithmUnsupported'],
    [err('Host denied (verification failed)', { level: 'handshake' }), 'ssh.hostKeyRejected'],
    [err('read ECONNRESET', { code: 'ECONNRESET' }), 'ssh.disconnected'],
    [err('Connection lost before handshake', { level: 'protocol' }), 'ssh.disconnected'],
    [err('Too many authentication failures', { code: 2 }), 'ssh.disconnected'],
    [
      err('Cannot parse privateKey: Encrypted private OpenSSH key detected, but no passphrase given'),
      'ssh.passphraseRequired',
    ],
    [err('something odd'), 'ssh.protocolError'],
    ['not even an Error', 'ssh.protocolError'],
  ])('%s -> %s', (error, code) => {
    const mapped = mapSshError(error, ctx);
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped.code).toBe(code);
    expect(mapped.params).toMatchObject({ host: 'schule.example', port: 22 });
  });

  it('names the user on failed login and the seconds on timeout', () => {
    expect(
      mapSshError(
        err('All configured authentication methods failed', { level: 'client-authentication' }),
        ctx,
      ).params.username,
    ).toBe('iserv-max.muster');
    expect(
      mapSshError(err('x', { level: 'client-timeout' }), { ...ctx, timeoutMs: 1500 }).params.seconds,
    ).toBe(2);
  });

  it('passes AppErrors through unchanged', () => {
    const original = new AppError('ssh.hostKeyChanged', { host: 'a', port: 22 });
    expect(mapSshError(original, ctx)).toBe(original);
  });

  it('keeps the detail short and carries the cause', () => {
    const cause = err('x'.repeat(1000));
    const mapped = mapSshError(cause, ctx);
    expect(String(mapped.params.detail).length).toBeLessThanOrEqual(200);
    expect(mapped.cause).toBe(cause);
  });
});

describe('mapKeyParseError', () => {
  it('tells a wrong passphrase, a missing one and an unreadable key apart', () => {
    expect(mapKeyParseError(err('OpenSSH key integrity check failed -- bad passphrase?'), ctx).code).toBe(
      'ssh.wrongPassphrase',
    );
    expect(mapKeyParseError(err('PPK private key integrity check failed -- bad passphrase?'), ctx).code).toBe(
      'ssh.wrongPassphrase',
    );
    expect(
      mapKeyParseError(err('Encrypted private OpenSSH key detected, but no passphrase given'), ctx).code,
    ).toBe('ssh.passphraseRequired');
    const unreadable = mapKeyParseError(err('Unsupported key format'), ctx);
    expect(unreadable.code).toBe('ssh.keyUnreadable');
    expect(unreadable.params.detail).toBe('Unsupported key format');
  });
});
