import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMissingTools, planSystemTools, systemTools } from '../../../scripts/system-tools.mjs';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nVERSION_ID="12"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n';
const MINT = 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n';
const FEDORA = 'NAME="Fedora Linux"\nVERSION_ID=40\nID=fedora\n';

describe('planSystemTools', () => {
  it('does nothing when nothing is missing', () => {
    expect(planSystemTools({ missing: [], isRoot: true, osRelease: DEBIAN })).toEqual({ action: 'none' });
    expect(planSystemTools({ missing: [], isRoot: false, osRelease: FEDORA })).toEqual({ action: 'none' });
  });

  it('installs each package once, as root on Debian', () => {
    expect(
      planSystemTools({
        missing: ['ssh-add', 'ssh-keygen', 'puttygen', 'ssh-agent', 'sshd', 'chromium'],
        isRoot: true,
        osRelease: DEBIAN,
      }),
    ).toEqual({
      action: 'install',
      packages: ['openssh-client', 'putty-tools', 'openssh-server', 'chromium'],
    });
  });

  it('recognises Ubuntu and its derivatives by ID and ID_LIKE', () => {
    for (const osRelease of [UBUNTU, MINT])
      expect(planSystemTools({ missing: ['puttygen'], isRoot: true, osRelease })).toEqual({
        action: 'install',
        packages: ['putty-tools'],
      });
  });

  it('stops a user who is not root on Debian with the sudo command', () => {
    const plan = planSystemTools({ missing: ['sshd', 'ssh', 'chromium'], isRoot: false, osRelease: DEBIAN });
    expect(plan).toEqual({
      action: 'stop',
      command: 'sudo apt-get install -y openssh-server openssh-client chromium',
      message:
        'Missing for the tests: sshd, ssh, chromium. Install with:\n' +
        '  sudo apt-get install -y openssh-server openssh-client chromium',
    });
  });

  it('stops on other systems, naming the tools and the Debian packages, even as root', () => {
    for (const osRelease of [FEDORA, null]) {
      const plan = planSystemTools({ missing: ['puttygen', 'ssh-keygen'], isRoot: true, osRelease });
      expect(plan).toEqual({
        action: 'stop',
        command: null,
        message:
          'Missing for the tests: puttygen, ssh-keygen (Debian packages: putty-tools, openssh-client). ' +
          "Install them with your system's package manager.",
      });
    }
  });

  it('refuses a tool it does not know', () => {
    expect(() => planSystemTools({ missing: ['putty'], isRoot: true, osRelease: DEBIAN })).toThrow(
      'unknown system tool: putty',
    );
  });
});

describe('findMissingTools', () => {
  it('looks names up in PATH (executables only) and absolute paths on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'system-tools-'));
    try {
      writeFileSync(join(dir, 'ssh'), '#!/bin/sh\n');
      chmodSync(join(dir, 'ssh'), 0o755);
      writeFileSync(join(dir, 'ssh-add'), 'not executable');
      writeFileSync(join(dir, 'chrome'), '');
      const env = { PATH: `/nonexistent:${dir}`, CHROMIUM_PATH: join(dir, 'chrome') };
      const tools = systemTools(env).filter((t) => ['ssh', 'ssh-add', 'chromium'].includes(t.name));
      expect(findMissingTools(tools, env).map((t) => t.name)).toEqual(['ssh-add']);
      expect(findMissingTools(tools, { PATH: '' }).map((t) => t.name)).toEqual(['ssh', 'ssh-add']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes Chromium from CHROMIUM_PATH, else /usr/bin/chromium', () => {
    const chromium = (env: NodeJS.ProcessEnv) => systemTools(env).find((t) => t.name === 'chromium')?.find;
    expect(chromium({})).toBe('/usr/bin/chromium');
    expect(chromium({ CHROMIUM_PATH: '/opt/chromium/chrome' })).toBe('/opt/chromium/chrome');
  });
});
