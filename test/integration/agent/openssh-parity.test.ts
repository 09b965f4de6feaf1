// The same ssh-add session against OpenSSH's own ssh-agent and against ours:
// exit codes and what ssh-add prints must match step by step (key material
// aside, the two agents are interchangeable for the user).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AgentKeyStore } from '../../../src/main/agent/key-store';
import { startUnixAgentServer, type UnixAgentServer } from '../../../src/main/agent/transport/unix-socket';
import { sshKeygen, type KeygenKey } from '../../fixtures/agent/keys';
import { sshAdd, writeAskpass } from '../../fixtures/agent/openssh';

let dir: string;
let openssh: ChildProcess;
let opensshSocket: string;
let ours: UnixAgentServer;
let askpass: string;
let ed: KeygenKey;
let rsa: KeygenKey;
let ecdsa: KeygenKey;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fw-agent-parity-'));
  [ed, rsa, ecdsa] = await Promise.all([
    sshKeygen(dir, 'id_ed25519', 'ed25519'),
    sshKeygen(dir, 'id_rsa', 'rsa', { bits: 4096 }),
    sshKeygen(dir, 'id_ecdsa', 'ecdsa'),
  ]);
  askpass = writeAskpass(dir);
  opensshSocket = join(dir, 'openssh.sock');
  openssh = spawn('ssh-agent', ['-D', '-a', opensshSocket], { stdio: 'ignore' });
  await vi.waitFor(() => expect(existsSync(opensshSocket)).toBe(true), { timeout: 10_000 });
  ours = await startUnixAgentServer({
    path: join(dir, 'ours', 'agent.sock'),
    store: new AgentKeyStore({ unlockFailureDelayMs: () => 0 }),
  });
});

afterAll(async () => {
  openssh?.kill('SIGTERM');
  await ours?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Step = { args: string[]; answer?: string };

async function transcript(socket: string, steps: Step[]): Promise<string[]> {
  const lines: string[] = [];
  for (const step of steps) {
    const result = await sshAdd(
      socket,
      step.args,
      step.answer !== undefined ? { askpass, answer: step.answer } : {},
    );
    lines.push(`$ ssh-add ${step.args.join(' ')} -> ${result.code}\n${result.stdout}${result.stderr}`.trim());
  }
  return lines;
}

describe('ssh-add sees no difference between ssh-agent and ours', () => {
  it('matches step by step for add, list, lifetime, confirm, lock, unlock and remove', async () => {
    const steps: Step[] = [
      { args: ['-l'] },
      { args: [ed.privatePath] },
      { args: ['-t', '300', rsa.privatePath] },
      { args: ['-l', '-E', 'sha256'] },
      { args: ['-L'] },
      { args: ['-c', ed.privatePath] },
      { args: ['-x'], answer: 'pw' },
      { args: ['-l'] },
      { args: ['-d', ed.privatePath] },
      { args: ['-X'], answer: 'wrong' },
      { args: ['-X'], answer: 'pw' },
      { args: ['-d', ed.privatePath] },
      { args: ['-d', ed.privatePath] },
      { args: ['-D'] },
      { args: ['-l'] },
    ];
    const theirs = await transcript(opensshSocket, steps);
    const mine = await transcript(ours.path, steps);
    expect(theirs.join('\n')).toMatch(/Agent locked[\s\S]*Failed to unlock[\s\S]*Agent unlocked/);
    expect(mine).toEqual(theirs);
  });

  it('differs only where the vendor policy says so: ECDSA is refused by ours', async () => {
    const theirs = await sshAdd(opensshSocket, [ecdsa.privatePath]);
    const mine = await sshAdd(ours.path, [ecdsa.privatePath]);
    expect(theirs.code).toBe(0);
    expect(mine.code).toBe(1);
    expect(mine.stderr).toMatch(/agent refused operation/);
  });
});
