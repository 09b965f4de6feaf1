// PuTTY's host key cache back to OpenSSH keys: real keys from ssh-keygen,
// converted to PuTTY's form by the fixture and read back, must keep the
// fingerprint ssh-keygen prints; damaged and foreign entries are reported.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPuttyRegFile } from '../../../src/main/moving-in/putty';
import { WireWriter } from '../../../src/main/core/wire';
import type { ImportFindings } from '../../../src/shared/model/moving-in';
import {
  puttyHostKey,
  puttyHostKeyValue,
  puttyRegFile,
  puttySession,
  type PuttyHostKeySpec,
} from '../../fixtures/putty-reg';

function read(hostKeys: PuttyHostKeySpec[]): ImportFindings {
  return importPuttyRegFile(puttyRegFile({ hostKeys }), 'keys.reg');
}

function entry(type: string, value: string, host = 'schule.de', port = 22): PuttyHostKeySpec {
  return { type, value, host, port };
}

describe('PuTTY host keys from ssh-keygen', () => {
  const generated: Array<{ type: string; line: string; fingerprint: string }> = [];
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'putty-host-keys-'));
    const kinds: Array<[string, string[]]> = [
      ['ed25519', []],
      ['rsa', ['-b', '2048']],
      ['ecdsa', ['-b', '256']],
      ['ecdsa', ['-b', '384']],
      ['ecdsa', ['-b', '521']],
    ];
    kinds.forEach(([type, bits], index) => {
      const file = join(dir, `key${index}`);
      execFileSync('ssh-keygen', ['-q', '-t', type, ...bits, '-N', '', '-C', 'host', '-f', file]);
      const fingerprint = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${file}.pub`], {
        encoding: 'utf8',
      }).split(' ')[1]!;
      generated.push({ type, line: readFileSync(`${file}.pub`, 'utf8').trim(), fingerprint });
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every type back with the fingerprint ssh-keygen -l prints and the same key blob', () => {
    const result = read(
      generated.map(({ line }, index) => puttyHostKey(line, `host${index}.schule.de`, 22 + index)),
    );
    expect(result.problems).toEqual([]);
    expect(result.hostKeys).toHaveLength(generated.length);
    result.hostKeys.forEach((key, index) => {
      const [type, base64] = generated[index]!.line.split(' ');
      expect(key).toEqual({
        origin: { source: 'keys.reg', line: expect.any(Number) },
        host: `host${index}.schule.de`,
        port: 22 + index,
        hashedHost: null,
        keyType: type,
        keyBase64: base64,
        fingerprint: generated[index]!.fingerprint,
      });
    });
  });

  it('writes PuTTY’s cache types: rsa2, ssh-ed25519, ecdsa-sha2-nistpNNN', () => {
    expect(generated.map(({ line }) => puttyHostKeyValue(line).type)).toEqual([
      'ssh-ed25519',
      'rsa2',
      'ecdsa-sha2-nistp256',
      'ecdsa-sha2-nistp384',
      'ecdsa-sha2-nistp521',
    ]);
    expect(puttyHostKeyValue(generated[1]!.line).value).toMatch(/^0x10001,0x[0-9a-f]+$/);
    expect(puttyHostKeyValue(generated[2]!.line).value).toMatch(
      /^nistp256,0x[1-9a-f][0-9a-f]*,0x[1-9a-f][0-9a-f]*$/,
    );
  });
});

function ed25519Line(): string {
  const x = Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return `ssh-ed25519 ${new WireWriter().string('ssh-ed25519').string(x).toBuffer().toString('base64')}`;
}

function ecdsaLine(curve: 'P-256' | 'P-384' | 'P-521', keep: (x: Buffer, y: Buffer) => boolean): string {
  const name = `nistp${curve.slice(2)}`;
  for (;;) {
    const jwk = generateKeyPairSync('ec', { namedCurve: curve }).publicKey.export({ format: 'jwk' });
    const x = Buffer.from(jwk.x!, 'base64url');
    const y = Buffer.from(jwk.y!, 'base64url');
    if (!keep(x, y)) continue;
    const point = Buffer.concat([Buffer.from([4]), x, y]);
    const blob = new WireWriter().string(`ecdsa-sha2-${name}`).string(name).string(point).toBuffer();
    return `ecdsa-sha2-${name} ${blob.toString('base64')}`;
  }
}

describe('PuTTY host keys: the numbers', () => {
  it('puts x’s low bit into the Ed25519 key for both parities', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 64 && seen.size < 2; i++) {
      const line = ed25519Line();
      const blob = Buffer.from(line.split(' ')[1]!, 'base64');
      const top = blob[blob.length - 1]! >> 7;
      if (seen.has(top)) continue;
      seen.add(top);
      expect(read([puttyHostKey(line, 'a.de')]).hostKeys[0]!.keyBase64).toBe(line.split(' ')[1]);
    }
    expect(seen.size).toBe(2);
  });

  it('pads ECDSA coordinates PuTTY wrote without their leading zeros', () => {
    const line = ecdsaLine('P-256', (x, y) => x[0] === 0 || y[0] === 0);
    const value = puttyHostKeyValue(line).value;
    expect(value.split(',').some((field) => field.length < 2 + 64)).toBe(true);
    expect(read([puttyHostKey(line, 'a.de')]).hostKeys[0]!.keyBase64).toBe(line.split(' ')[1]);
  });

  it('refuses points that are not on the curve', () => {
    const ed = puttyHostKeyValue(ed25519Line()).value.split(',');
    const badX = `0x${(BigInt(ed[0]!) ^ 2n).toString(16)}`;
    const ec = puttyHostKeyValue(ecdsaLine('P-384', () => true)).value.split(',');
    const badY = `0x${(BigInt(ec[2]!) + 1n).toString(16)}`;
    const result = read([
      entry('ssh-ed25519', `${badX},${ed[1]}`),
      entry('ecdsa-sha2-nistp384', `${ec[0]},${ec[1]},${badY}`),
    ]);
    expect(result.hostKeys).toEqual([]);
    expect(result.problems.map((p) => [p.code, p.params])).toEqual([
      ['putty.hostKeyUnreadable', { name: 'ssh-ed25519@22:schule.de' }],
      ['putty.hostKeyUnreadable', { name: 'ecdsa-sha2-nistp384@22:schule.de' }],
    ]);
  });

  it('refuses damaged values and names, naming the value and its line', () => {
    const good = puttyHostKeyValue(ed25519Line()).value;
    const rsa = puttyHostKeyValue(
      `ssh-rsa ${new WireWriter()
        .string('ssh-rsa')
        .mpint(Buffer.from([1, 0, 1]))
        .mpint(Buffer.alloc(256, 0xcb))
        .toBuffer()
        .toString('base64')}`,
    ).value;
    // One value per name in a registry key, so each case has a host of its own.
    const cases: PuttyHostKeySpec[] = [
      entry('rsa2', rsa.replace(/b$/, 'a'), 'h0'), // even modulus
      entry('rsa2', '0x10001', 'h1'),
      entry('rsa2', '0x10001,0xcb', 'h2'), // far too small
      entry('ssh-ed25519', good.replace('0x', ''), 'h3'),
      entry('ssh-ed25519', `${good},0x1`, 'h4'),
      entry('ecdsa-sha2-nistp256', `nistp384,${good}`, 'h5'),
      entry('ecdsa-sha2-nistp256', `nistp256,0x${'f'.repeat(66)},0x1`, 'h6'),
      entry('ssh-ed25519', good, 'h7', 0),
      entry('ssh-ed25519', good, 'h8', 70000),
    ];
    const result = read(cases);
    expect(result.hostKeys).toEqual([]);
    expect(result.problems.map((p) => p.code)).toEqual(cases.map(() => 'putty.hostKeyUnreadable'));
    expect(result.problems.map((p) => p.params.name)).toEqual(
      cases.map((c) => `${c.type}@${c.port}:${c.host}`),
    );
    const lines = result.problems.map((p) => p.line!);
    expect(lines.every((line, i) => i === 0 || line === lines[i - 1]! + 1)).toBe(true);
  });

  it('refuses a value name without type, port and host, or a value that is no string', () => {
    const text = [
      'Windows Registry Editor Version 5.00',
      '[HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\SshHostKeys]',
      '"schule.de"="0x1,0x2"',
      '"ssh-ed25519@22:schule.de"=dword:00000001',
      '',
    ].join('\r\n');
    const result = importPuttyRegFile(Buffer.from(text), 'k.reg');
    expect(result.problems).toEqual([
      { source: 'k.reg', line: 3, code: 'putty.hostKeyUnreadable', params: { name: 'schule.de' } },
      {
        source: 'k.reg',
        line: 4,
        code: 'putty.hostKeyUnreadable',
        params: { name: 'ssh-ed25519@22:schule.de' },
      },
    ]);
  });

  it('reports DSA, SSH-1 and Ed448 keys as types the app does not take', () => {
    const result = read([
      entry('dss', '0x1,0x2,0x3,0x4'),
      entry('rsa', '0x23,0x45'),
      entry('ssh-ed448', '0x1,0x2'),
    ]);
    expect(result.hostKeys).toEqual([]);
    expect(result.problems.map((p) => [p.code, p.params])).toEqual([
      ['putty.hostKeyTypeUnsupported', { name: 'dss@22:schule.de', type: 'dss' }],
      ['putty.hostKeyTypeUnsupported', { name: 'rsa@22:schule.de', type: 'rsa' }],
      ['putty.hostKeyTypeUnsupported', { name: 'ssh-ed448@22:schule.de', type: 'ssh-ed448' }],
    ]);
  });

  it('unescapes the host and reads only PuTTY’s SshHostKeys key', () => {
    const line = ed25519Line();
    const value = puttyHostKeyValue(line).value;
    const result = read([puttyHostKey(line, '.schüle.de', 2222), puttyHostKey(line, 'fe80::1')]);
    expect(result.hostKeys.map((k) => [k.host, k.port])).toEqual([
      ['.schüle.de', 2222],
      ['fe80::1', 22],
    ]);
    const elsewhere = importPuttyRegFile(
      puttyRegFile({ sessions: [puttySession('x', { HostName: 'x.de', 'ssh-ed25519@22:x.de': value })] }),
      'k.reg',
    );
    expect(elsewhere.hostKeys).toEqual([]);
    expect(elsewhere.problems).toEqual([]);
  });
});
