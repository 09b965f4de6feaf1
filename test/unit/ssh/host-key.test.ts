import { describe, expect, it } from 'vitest';
import { hostKeyFromBlob, hostKeyFromOpenSshLine } from '../../../src/main/ssh/host-key';
import { fakeHostKeyBlob } from './blobs';

describe('host key parsing', () => {
  it('computes the fingerprint exactly as ssh-keygen -l does', () => {
    // Vector made once with ssh-keygen -t ed25519, then ssh-keygen -l -E sha256.
    const line = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIM9d4afr2Sl5gi3MNiq1SBBX1U8tOCUAjWEqoH4P65t2 test';
    const key = hostKeyFromOpenSshLine(line);
    expect(key.fingerprint).toBe('SHA256:jSbaa+EwHiygNWke93WDprWtA72V/aMWYNVi4Knh+/0');
    expect(key.keyType).toBe('ssh-ed25519');
    expect(key.keyBase64).toBe(line.split(' ')[1]);
  });

  it('reads the type from the blob and rejects malformed blobs', () => {
    expect(hostKeyFromBlob(fakeHostKeyBlob('a', 'ecdsa-sha2-nistp256')).keyType).toBe('ecdsa-sha2-nistp256');
    expect(() => hostKeyFromBlob(Buffer.from([0, 0]))).toThrow();
    expect(() => hostKeyFromBlob(Buffer.from([0, 0, 1, 0, 65]))).toThrow();
    expect(() => hostKeyFromBlob(Buffer.from([0, 0, 0, 0]))).toThrow(); // empty type
    expect(() => hostKeyFromBlob(Buffer.from([0, 0, 0, 2, 0x73, 0x0a]))).toThrow(); // non-printable type
    expect(() => hostKeyFromOpenSshLine(`ssh-rsa ${fakeHostKeyBlob('a').toString('base64')}`)).toThrow(
      /does not match/,
    );
  });
});
