// Pageant's pipe name, computed with a fake CryptProtectMemory, and the
// Windows pipe transport's refusal to run elsewhere.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  obfuscatedSuffix,
  openSshPipeName,
  pageantPipeName,
  pageantUserName,
  pipeIdentityAgentSnippet,
} from '../../../src/main/agent/transport/windows/pageant-pipe-name';
import { startPipeAgentServer } from '../../../src/main/agent/transport/windows/pipe-server';
import type { WindowsPlatform } from '../../../src/main/agent/transport/windows/win32-types';
import { AgentKeyStore } from '../../../src/main/agent/key-store';

// Stands in for the per-logon-session encryption: XOR with a fixed key.
function fakePlatform(upn: string | null, user = 'anna'): WindowsPlatform & { seen: Buffer[] } {
  const seen: Buffer[] = [];
  return {
    seen,
    userPrincipalName: () => upn,
    userName: () => user,
    cryptProtectMemoryCrossProcess(buffer) {
      seen.push(Buffer.from(buffer));
      for (let i = 0; i < buffer.length; i++) buffer[i] = buffer[i]! ^ (0xa5 + i);
    },
  };
}

describe('Pageant pipe name', () => {
  it('hashes uint32-BE 16 || the encrypted 16-byte "Pageant\\0" buffer', () => {
    const platform = fakePlatform('anna.beispiel@firma.de');
    const name = pageantPipeName(platform);
    expect(platform.seen).toHaveLength(1);
    expect(platform.seen[0]!.toString('hex')).toBe(Buffer.from('Pageant\0\0\0\0\0\0\0\0\0').toString('hex'));
    const encrypted = Buffer.from(platform.seen[0]!.map((b, i) => b ^ (0xa5 + i)));
    const expected = createHash('sha256')
      .update(Buffer.from([0, 0, 0, 16]))
      .update(encrypted)
      .digest('hex');
    expect(name).toBe(`\\\\.\\pipe\\pageant.anna.beispiel.${expected}`);
  });

  it('cuts the user principal name at @ and falls back to the logon name', () => {
    expect(pageantUserName(fakePlatform('bob@corp.example'))).toBe('bob');
    expect(pageantUserName(fakePlatform(null, 'Techniker'))).toBe('Techniker');
    expect(pageantPipeName(fakePlatform(null, 'Techniker'))).toMatch(
      /^\\\\\.\\pipe\\pageant\.Techniker\.[0-9a-f]{64}$/,
    );
  });

  it('pads longer names to whole 16-byte blocks', () => {
    let length = 0;
    obfuscatedSuffix('a-name-of-sixteen', (b) => void (length = b.length));
    expect(length).toBe(32);
  });

  it('differs when the encryption (the logon session) differs', () => {
    const a = obfuscatedSuffix('Pageant', (b) => b.fill(1));
    const b = obfuscatedSuffix('Pageant', (b) => b.fill(2));
    expect(a).not.toBe(b);
  });

  it('builds our own OpenSSH pipe name and an escaped IdentityAgent line', () => {
    expect(openSshPipeName('anna b')).toBe('\\\\.\\pipe\\fernwartung-agent-anna_b');
    expect(pipeIdentityAgentSnippet('\\\\.\\pipe\\x')).toBe('IdentityAgent "\\\\\\\\.\\\\pipe\\\\x"');
  });

  it.skipIf(process.platform === 'win32')(
    'the pipe server refuses to start off Windows (a pipe path would become a file)',
    async () => {
      await expect(
        startPipeAgentServer({ pipePath: '\\\\.\\pipe\\x', store: new AgentKeyStore() }),
      ).rejects.toMatchObject({
        code: 'agent.platformUnsupported',
      });
    },
  );
});
