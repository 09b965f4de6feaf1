import { describe, expect, it } from 'vitest';
import { checkRequest, readCookie } from '../../../src/host/request-guard';

const config = { port: 4321, token: 'a'.repeat(64) };
const base = { host: '127.0.0.1:4321', origin: undefined, cookie: undefined, url: '/', upgrade: false };

describe('request guard of the headless host', () => {
  it('accepts the token once in the query and then by cookie', () => {
    expect(checkRequest({ ...base, url: `/?token=${config.token}&x=1` }, config)).toEqual({
      allow: true,
      via: 'query',
      cleanUrl: '/?x=1',
    });
    expect(checkRequest({ ...base, cookie: `other=1; fw_token=${config.token}` }, config)).toEqual({
      allow: true,
      via: 'cookie',
    });
  });

  it('refuses without or with a wrong token', () => {
    expect(checkRequest(base, config)).toEqual({ allow: false, reason: 'token' });
    expect(checkRequest({ ...base, url: '/?token=abc' }, config)).toEqual({ allow: false, reason: 'token' });
    expect(checkRequest({ ...base, cookie: `fw_token=${'b'.repeat(64)}` }, config)).toEqual({
      allow: false,
      reason: 'token',
    });
  });

  it('refuses foreign Host headers (DNS rebinding) and foreign origins', () => {
    const good = { ...base, cookie: `fw_token=${config.token}` };
    expect(checkRequest({ ...good, host: 'evil.example:4321' }, config)).toEqual({
      allow: false,
      reason: 'host',
    });
    expect(checkRequest({ ...good, host: '127.0.0.1:9999' }, config)).toEqual({
      allow: false,
      reason: 'host',
    });
    expect(checkRequest({ ...good, host: undefined }, config)).toEqual({ allow: false, reason: 'host' });
    expect(checkRequest({ ...good, origin: 'http://evil.example' }, config)).toEqual({
      allow: false,
      reason: 'origin',
    });
    expect(checkRequest({ ...good, origin: 'http://127.0.0.1:4321' }, config)).toMatchObject({ allow: true });
  });

  it('requires an Origin and the cookie on WebSocket upgrades, never the query token', () => {
    const upgrade = { ...base, upgrade: true, url: '/bridge' };
    expect(checkRequest({ ...upgrade, cookie: `fw_token=${config.token}` }, config)).toEqual({
      allow: false,
      reason: 'origin',
    });
    expect(
      checkRequest(
        { ...upgrade, origin: 'http://127.0.0.1:4321', url: `/bridge?token=${config.token}` },
        config,
      ),
    ).toEqual({ allow: false, reason: 'token' });
    expect(
      checkRequest(
        { ...upgrade, origin: 'http://127.0.0.1:4321', cookie: `fw_token=${config.token}` },
        config,
      ),
    ).toEqual({ allow: true, via: 'cookie' });
  });

  it('reads cookies', () => {
    expect(readCookie('a=1; fw_token=x=y', 'fw_token')).toBe('x=y');
    expect(readCookie(undefined, 'fw_token')).toBeUndefined();
  });
});
