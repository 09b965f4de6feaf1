import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../../src/host/request-guard';

const config = { port: 4321 };
const base = { host: '127.0.0.1:4321', origin: undefined, upgrade: false };

describe('request guard of the headless host', () => {
  it('lets this machine’s browser fetch the page without a token (it holds no secret)', () => {
    expect(checkRequest(base, config)).toEqual({ allow: true });
    expect(checkRequest({ ...base, host: 'localhost:4321' }, config)).toEqual({ allow: true });
    expect(checkRequest({ ...base, origin: 'http://127.0.0.1:4321' }, config)).toEqual({ allow: true });
  });

  it('refuses foreign Host headers (DNS rebinding) and foreign origins', () => {
    expect(checkRequest({ ...base, host: 'evil.example:4321' }, config)).toEqual({
      allow: false,
      reason: 'host',
    });
    expect(checkRequest({ ...base, host: '127.0.0.1:9999' }, config)).toEqual({
      allow: false,
      reason: 'host',
    });
    expect(checkRequest({ ...base, host: undefined }, config)).toEqual({ allow: false, reason: 'host' });
    expect(checkRequest({ ...base, origin: 'http://evil.example' }, config)).toEqual({
      allow: false,
      reason: 'origin',
    });
    expect(checkRequest({ ...base, origin: 'null' }, config)).toEqual({ allow: false, reason: 'origin' });
  });

  it('requires an Origin of its own on WebSocket upgrades', () => {
    const upgrade = { ...base, upgrade: true };
    expect(checkRequest(upgrade, config)).toEqual({ allow: false, reason: 'origin' });
    expect(checkRequest({ ...upgrade, origin: 'http://evil.example' }, config)).toEqual({
      allow: false,
      reason: 'origin',
    });
    expect(checkRequest({ ...upgrade, origin: 'http://127.0.0.1:4321' }, config)).toEqual({ allow: true });
  });
});
