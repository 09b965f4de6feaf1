import { describe, expect, it } from 'vitest';
import { checkKeyPolicy } from '../../src/main/keys/policy';

describe('key policy', () => {
  it('accepts ED25519 and RSA-4096 only', () => {
    expect(checkKeyPolicy({ type: 'ssh-ed25519', bits: 256 }).ok).toBe(true);
    expect(checkKeyPolicy({ type: 'ssh-rsa', bits: 4096 }).ok).toBe(true);
  });

  it.each([
    ['ssh-rsa', 2048],
    ['ssh-rsa', 3072],
    ['ssh-rsa', 8192],
    ['ecdsa-sha2-nistp256', 256],
    ['ssh-dss', 1024],
    ['ssh-ed25519-cert-v01@openssh.com', 256],
  ])('refuses %s with %i bits and names them', (type, bits) => {
    const verdict = checkKeyPolicy({ type, bits });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok)
      expect(verdict.error.toInfo()).toEqual({ code: 'keys.policyRefused', params: { type, bits } });
  });
});
