// Start at login, decided in Node: what Electron's login item API gets per
// platform, the XDG autostart file's program and text (Desktop Entry quoting),
// its atomic write, and the macOS login start.
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  autostartEntry,
  execLine,
  launchCommand,
  quoteExecArgument,
} from '../../../src/main/electron/login-item/autostart-entry';
import { autostartFilePath, writeAutostartFile } from '../../../src/main/electron/login-item/autostart-file';
import { createLoginItem } from '../../../src/main/electron/login-item/login-item';
import { loginItemSettings } from '../../../src/main/electron/login-item/login-item-settings';
import { macLoginStartHidden } from '../../../src/main/electron/login-item/login-start';

const on = { startAtLogin: true, startHidden: true };

describe('login item settings per platform', () => {
  it('Windows: a Run entry with --hidden when the start is hidden', () => {
    // A fixed value name, which the uninstaller deletes.
    expect(loginItemSettings('win32', on)).toEqual({
      openAtLogin: true,
      name: 'Fernwartung',
      args: ['--hidden'],
    });
    expect(loginItemSettings('win32', { startAtLogin: true, startHidden: false })).toEqual({
      openAtLogin: true,
      name: 'Fernwartung',
      args: [],
    });
    expect(loginItemSettings('win32', { startAtLogin: false, startHidden: true })).toEqual({
      openAtLogin: false,
      name: 'Fernwartung',
      args: [],
    });
  });

  it('macOS: the main app through SMAppService, without arguments or openAsHidden (macOS 13+ ignores both)', () => {
    const settings = loginItemSettings('darwin', on)!;
    expect(settings).toEqual({ openAtLogin: true, type: 'mainAppService' });
    expect(settings).not.toHaveProperty('args');
    expect(settings).not.toHaveProperty('openAsHidden');
    expect(loginItemSettings('darwin', { startAtLogin: false, startHidden: true })).toEqual({
      openAtLogin: false,
      type: 'mainAppService',
    });
  });

  it('Linux: no login item API (the app writes an autostart file)', () => {
    expect(loginItemSettings('linux', on)).toBeNull();
    expect(loginItemSettings('freebsd', on)).toBeNull();
  });

  it('macOS: a login start stays hidden only when the setting says so, and only on macOS', () => {
    expect(macLoginStartHidden({ platform: 'darwin', wasOpenedAtLogin: true, startHidden: true })).toBe(true);
    expect(macLoginStartHidden({ platform: 'darwin', wasOpenedAtLogin: true, startHidden: false })).toBe(
      false,
    );
    expect(macLoginStartHidden({ platform: 'darwin', wasOpenedAtLogin: false, startHidden: true })).toBe(
      false,
    );
    expect(macLoginStartHidden({ platform: 'win32', wasOpenedAtLogin: true, startHidden: true })).toBe(false);
  });
});

describe('the autostart entry', () => {
  it('starts the AppImage file, not its temporary mount', () => {
    expect(
      launchCommand({
        execPath: '/tmp/.mount_FernwaXyZ/fernwartung',
        appImage: '/home/max/Programme/Fernwartung-1.0.0.AppImage',
        isPackaged: true,
        appPath: '/tmp/.mount_FernwaXyZ/resources/app.asar',
      }),
    ).toEqual({ program: '/home/max/Programme/Fernwartung-1.0.0.AppImage', args: [] });
  });

  it('starts the installed program, or Electron with the app folder in development', () => {
    expect(
      launchCommand({
        execPath: '/opt/Fernwartung/fernwartung',
        isPackaged: true,
        appPath: '/opt/x/app.asar',
      }),
    ).toEqual({ program: '/opt/Fernwartung/fernwartung', args: [] });
    expect(
      launchCommand({ execPath: '/w/node_modules/electron/dist/electron', isPackaged: false, appPath: '/w' }),
    ).toEqual({ program: '/w/node_modules/electron/dist/electron', args: ['/w'] });
  });

  it('quotes arguments as the Desktop Entry Specification says', () => {
    expect(quoteExecArgument('/opt/Fernwartung/fernwartung')).toBe('/opt/Fernwartung/fernwartung');
    expect(quoteExecArgument('--hidden')).toBe('--hidden');
    expect(quoteExecArgument('/home/max/Meine Programme/F.AppImage')).toBe(
      '"/home/max/Meine Programme/F.AppImage"',
    );
    // Inside quotes `"`, `` ` ``, `$` and `\` take a backslash, then every backslash is doubled (string escape).
    expect(quoteExecArgument('/a "b"')).toBe('"/a \\\\"b\\\\""');
    expect(quoteExecArgument('/a$b')).toBe('"/a\\\\$b"');
    expect(quoteExecArgument('/a`b')).toBe('"/a\\\\`b"');
    expect(quoteExecArgument('/a\\b')).toBe('"/a\\\\\\\\b"');
    // Other reserved characters are quoted but not escaped; a percent sign is doubled (field codes).
    expect(quoteExecArgument("/a'b&c")).toBe('"/a\'b&c"');
    expect(quoteExecArgument('/100%/f')).toBe('/100%%/f');
    expect(quoteExecArgument('/100 %/f')).toBe('"/100 %%/f"');
  });

  it('refuses what a desktop entry cannot hold', () => {
    expect(() => quoteExecArgument('/a\nb')).toThrow(/control character/);
    expect(() => quoteExecArgument('')).toThrow();
  });

  it('writes a complete entry whose Exec line reads back as the arguments', () => {
    const text = autostartEntry({
      name: 'Fernwartung',
      program: '/home/max/Meine Programme/Fernwartung.AppImage',
      args: ['--hidden'],
    });
    expect(text).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Fernwartung',
        'Exec="/home/max/Meine Programme/Fernwartung.AppImage" --hidden',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
    expect(execLine('/opt/F/f', [])).toBe('/opt/F/f');
  });
});

/** Reads an Exec value back as a launcher does: the string escapes, then the quoting, then `%%`. */
function parseExec(value: string): string[] {
  const unescaped = value.replace(/\\(.)/g, (_m, c: string) => (c === 's' ? ' ' : c === 'n' ? '\n' : c));
  const args: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const [, quoted, plain] of unescaped.matchAll(pattern)) {
    args.push((quoted?.replace(/\\(.)/g, '$1') ?? plain!).replaceAll('%%', '%'));
  }
  return args;
}

describe('quoting round trip', () => {
  it('gives back every argument unchanged', () => {
    const paths = [
      '/home/max/Fernwartung.AppImage',
      '/home/max/Meine Programme/Fernwartung.AppImage',
      '/home/o\'brien/a "b" $HOME `x` \\y/%f.AppImage',
      '/home/max/Ä Ö ü/Fernwartung (neu).AppImage',
    ];
    for (const path of paths) expect(parseExec(execLine(path, ['--hidden']))).toEqual([path, '--hidden']);
  });
});

describe('the autostart file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fw-autostart-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('lives in $XDG_CONFIG_HOME/autostart, or ~/.config/autostart when that is unset or relative', () => {
    expect(autostartFilePath({ XDG_CONFIG_HOME: '/x/conf' }, '/home/max')).toBe(
      '/x/conf/autostart/fernwartung.desktop',
    );
    expect(autostartFilePath({}, '/home/max')).toBe('/home/max/.config/autostart/fernwartung.desktop');
    expect(autostartFilePath({ XDG_CONFIG_HOME: 'conf' }, '/home/max')).toBe(
      '/home/max/.config/autostart/fernwartung.desktop',
    );
  });

  it('is replaced whole, leaving no temporary file behind', async () => {
    const path = join(dir, 'autostart', 'fernwartung.desktop');
    await writeAutostartFile(path, 'old\n');
    await writeAutostartFile(path, 'new\n');
    expect(await readFile(path, 'utf8')).toBe('new\n');
    expect(await readdir(join(dir, 'autostart'))).toEqual(['fernwartung.desktop']);
    expect((await stat(path)).mode & 0o777).toBe(0o644);
  });

  it('is written, rewritten and removed as the settings change', async () => {
    const calls: unknown[] = [];
    const item = (platform: NodeJS.Platform) =>
      createLoginItem({
        platform,
        setLoginItemSettings: (s) => calls.push(s),
        env: { XDG_CONFIG_HOME: dir },
        home: '/nonexistent',
        execPath: '/tmp/.mount_x/fernwartung',
        appImage: '/home/max/Meine Programme/Fernwartung.AppImage',
        isPackaged: true,
        appPath: '/tmp/.mount_x/resources/app.asar',
        productName: 'Fernwartung',
      });
    const path = join(dir, 'autostart', 'fernwartung.desktop');
    await item('linux').apply(on);
    expect(await readFile(path, 'utf8')).toContain(
      'Exec="/home/max/Meine Programme/Fernwartung.AppImage" --hidden\n',
    );
    await item('linux').apply({ startAtLogin: true, startHidden: false });
    expect(await readFile(path, 'utf8')).toContain('Exec="/home/max/Meine Programme/Fernwartung.AppImage"\n');
    await item('linux').apply({ startAtLogin: false, startHidden: false });
    await expect(stat(path)).rejects.toThrow(/ENOENT/);
    // Removing what is not there is no error.
    await item('linux').apply({ startAtLogin: false, startHidden: false });
    expect(calls).toEqual([]);

    await item('win32').apply(on);
    await item('darwin').apply(on);
    expect(calls).toEqual([
      { openAtLogin: true, name: 'Fernwartung', args: ['--hidden'] },
      { openAtLogin: true, type: 'mainAppService' },
    ]);
    await expect(stat(path)).rejects.toThrow(/ENOENT/);
  });

  it('leaves no temporary file when the rename fails', async () => {
    // A folder where the file should be: the rename over it fails.
    const path = join(dir, 'autostart', 'fernwartung.desktop');
    await mkdir(join(path, 'inside'), { recursive: true });
    await expect(writeAutostartFile(path, 'x')).rejects.toThrow();
    expect(await readdir(join(dir, 'autostart'))).toEqual(['fernwartung.desktop']);
  });
});
