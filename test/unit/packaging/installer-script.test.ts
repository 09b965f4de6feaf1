// The Windows uninstaller removes exactly the start-at-login value the app writes.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { WINDOWS_RUN_VALUE_NAME } from '../../../src/main/electron/login-item/login-item-settings';

const script = readFileSync('build/installer.nsh', 'utf8');
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as {
  nsis: Record<string, unknown>;
};

describe('Windows installer', () => {
  it('is included by the NSIS configuration', () => {
    expect(config.nsis.include).toBe('build/installer.nsh');
  });

  it('deletes the Run value the app writes, unless the uninstall is part of an update', () => {
    const body = /!macro customUnInstall\n([\s\S]*?)!macroend/.exec(script)?.[1] ?? '';
    const deleted = [...body.matchAll(/DeleteRegValue HKCU "([^"]+)" "([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(deleted).toEqual([
      ['Software\\Microsoft\\Windows\\CurrentVersion\\Run', WINDOWS_RUN_VALUE_NAME],
      [
        'Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\StartupApproved\\Run',
        WINDOWS_RUN_VALUE_NAME,
      ],
    ]);
    expect(body.trim().startsWith('${ifNot} ${isUpdated}')).toBe(true);
  });

  it('installs per user without asking for administrator rights, and keeps the user data', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      deleteAppDataOnUninstall: false,
      createStartMenuShortcut: true,
    });
  });
});
