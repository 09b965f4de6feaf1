// Restricting a file or folder to its owner, per platform. POSIX: modes 0600
// and 0700. Windows: an ACL granting only the current user, set with icacls
// (inheritance removed, so no inherited Users/Administrators entries remain).
//
// NOT VERIFIED ON WINDOWS: the icacls path is unit-tested with the command
// runner injected (arguments, failure handling) but has never run on a real
// Windows machine; check it there before release.
import { execFile } from 'node:child_process';
import { chmod } from 'node:fs/promises';
import { userInfo } from 'node:os';

export interface OwnerOnlyPermissions {
  /** Applied to a file right after it is created, before any secret is written into it. */
  restrictFile(path: string): Promise<void>;
  /** Applied to folders this module creates. */
  restrictDirectory(path: string): Promise<void>;
}

export type CommandRunner = (file: string, args: string[]) => Promise<{ exitCode: number; output: string }>;

const posixPermissions: OwnerOnlyPermissions = {
  restrictFile: (path) => chmod(path, 0o600),
  restrictDirectory: (path) => chmod(path, 0o700),
};

function runCommand(file: string, args: string[]): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { windowsHide: true, timeout: 30_000 }, (error, stdout, stderr) => {
      const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ exitCode, output: `${stdout}${stderr}` });
    });
  });
}

export interface WindowsIdentity {
  /** `DOMAIN\user` (or just `user`) as icacls accepts it. */
  account: string;
}

export function currentWindowsIdentity(env: NodeJS.ProcessEnv = process.env): WindowsIdentity {
  const user = env.USERNAME || userInfo().username;
  return { account: env.USERDOMAIN ? `${env.USERDOMAIN}\\${user}` : user };
}

export class PermissionCommandError extends Error {
  constructor(readonly exitCode: number) {
    super(`icacls exited with ${exitCode}`);
    this.name = 'PermissionCommandError';
  }
}

export function windowsPermissions(
  run: CommandRunner = runCommand,
  identity: WindowsIdentity = currentWindowsIdentity(),
): OwnerOnlyPermissions {
  const apply = async (path: string, grant: string) => {
    // /inheritance:r drops inherited entries; /grant:r replaces any explicit
    // entry of this user: the result is exactly one entry, full control.
    const { exitCode } = await run('icacls', [
      path,
      '/inheritance:r',
      '/grant:r',
      `${identity.account}:${grant}`,
    ]);
    if (exitCode !== 0) throw new PermissionCommandError(exitCode);
  };
  return {
    restrictFile: (path) => apply(path, '(F)'),
    // (OI)(CI): files and folders created inside inherit the same single entry.
    restrictDirectory: (path) => apply(path, '(OI)(CI)(F)'),
  };
}

export function platformPermissions(platform: NodeJS.Platform = process.platform): OwnerOnlyPermissions {
  return platform === 'win32' ? windowsPermissions() : posixPermissions;
}
