// The tray, decided in Node: the icon's state, the menu template built from
// the backend's state (German and English), its icon files with a fallback,
// and the controller that keeps a (fake) Electron tray in step.
import { describe, expect, it } from 'vitest';
import { portalProfile } from '../../fixtures/profiles';
import {
  TrayController,
  electronTemplate,
  type TrayControllerDeps,
} from '../../../src/main/electron/tray/tray-controller';
import { loadTrayIcon, trayIconFile } from '../../../src/main/electron/tray/tray-icons';
import { mainTranslator } from '../../../src/main/core/texts/main-i18n';
import {
  MAX_RECENT,
  menuLabel,
  quickConnectProfiles,
  trayMenuTemplate,
  trayTooltip,
  type TrayAction,
  type TrayMenuItem,
  type TrayModel,
} from '../../../src/main/electron/tray/tray-menu';
import { trayStateOf } from '../../../src/main/electron/tray/tray-state';
import { mainTexts } from '../../../src/main/core/texts/main-texts';

// Electron's types, named through the controller (tests may not import electron).
type MenuItemConstructorOptions = Parameters<TrayControllerDeps['buildMenu']>[0][number];
type Menu = ReturnType<TrayControllerDeps['buildMenu']>;
type NativeImage = ReturnType<TrayControllerDeps['images']['createEmpty']>;

const model = (extra: Partial<TrayModel> = {}): TrayModel => ({
  platform: 'win32',
  state: 'loaded',
  keyCount: 2,
  profiles: [],
  startAtLogin: false,
  ...extra,
});
const de = mainTranslator('de', 'tray');
const en = mainTranslator('en', 'tray');

/** The menu as lines: `label`, `[x] label` for checkboxes, `(label)` when disabled, `---` for separators. */
const lines = (items: TrayMenuItem[]) =>
  items.map((item) => {
    if (item.type === 'separator') return '---';
    if (item.type === 'checkbox') return `[${item.checked ? 'x' : ' '}] ${item.label}`;
    return item.enabled ? item.label : `(${item.label})`;
  });
const actionOf = (items: TrayMenuItem[], label: string) =>
  items.find((item) => item.type !== 'separator' && item.label === label) as
    { action?: TrayAction } | undefined;

describe('tray state', () => {
  it('is locked whenever the agent is, else loaded or no key', () => {
    expect(trayStateOf({ keyCount: 0, locked: false })).toBe('nokey');
    expect(trayStateOf({ keyCount: 3, locked: false })).toBe('loaded');
    expect(trayStateOf({ keyCount: 3, locked: true })).toBe('locked');
    expect(trayStateOf({ keyCount: 0, locked: true })).toBe('locked');
  });
});

describe('tray menu', () => {
  it('lists favourites by name, then the recently used others, newest first', () => {
    const profiles = [
      portalProfile('Zeta', { favourite: true }),
      portalProfile('Alpha', { favourite: true, lastUsedAt: 5 }),
      portalProfile('Old', { lastUsedAt: 1 }),
      portalProfile('New', { lastUsedAt: 9 }),
      portalProfile('Never'),
    ];
    expect(lines(trayMenuTemplate(model({ profiles }), de))).toEqual([
      '(Agent: 2 Schlüssel geladen)',
      'Fenster öffnen',
      '---',
      '(Favoriten)',
      'Alpha',
      'Zeta',
      '(Zuletzt verbunden)',
      'New',
      'Old',
      '---',
      'Schlüssel hinzufügen …',
      'Agent sperren …',
      '---',
      '[ ] Mit der Anmeldung starten',
      '---',
      'Beenden',
    ]);
    const many = Array.from({ length: 9 }, (_, i) => portalProfile(`P${i}`, { lastUsedAt: i }));
    expect(quickConnectProfiles(many).recent.map((p) => p.name)).toEqual(['P8', 'P7', 'P6', 'P5', 'P4']);
    expect(quickConnectProfiles(many).recent).toHaveLength(MAX_RECENT);
  });

  it('gives each item its action', () => {
    const items = trayMenuTemplate(model({ profiles: [portalProfile('Alpha', { favourite: true })] }), en);
    expect(actionOf(items, 'Open window')?.action).toEqual({ kind: 'openWindow' });
    expect(actionOf(items, 'Alpha')?.action).toEqual({ kind: 'openProfile', profileId: 'id-Alpha' });
    expect(actionOf(items, 'Add key …')?.action).toEqual({ kind: 'addKey' });
    expect(actionOf(items, 'Lock agent …')?.action).toEqual({ kind: 'lock' });
    expect(actionOf(items, 'Start at login')?.action).toEqual({ kind: 'toggleStartAtLogin' });
    expect(actionOf(items, 'Quit')?.action).toEqual({ kind: 'quit' });
    expect(actionOf(items, 'Favourites')?.action).toBeUndefined();
  });

  it('follows the agent: nothing to lock without keys, only unlock while locked', () => {
    expect(lines(trayMenuTemplate(model({ state: 'nokey', keyCount: 0, startAtLogin: true }), en))).toEqual([
      '(Agent: no key)',
      'Open window',
      '---',
      '(No profiles yet)',
      '---',
      'Add key …',
      '(Lock agent …)',
      '---',
      '[x] Start at login',
      '---',
      'Quit',
    ]);
    const locked = trayMenuTemplate(model({ state: 'locked' }), en);
    expect(lines(locked)).toContain('(Add key …)');
    expect(lines(locked)).toContain('Unlock agent …');
    expect(lines(locked)).not.toContain('Lock agent …');
    expect(actionOf(locked, 'Unlock agent …')?.action).toEqual({ kind: 'unlock' });
  });

  it('leaves out start at login where the shell cannot do it', () => {
    expect(lines(trayMenuTemplate(model({ startAtLogin: null }), en)).join('|')).not.toContain(
      'Start at login',
    );
  });

  it('counts keys in both languages', () => {
    expect(trayTooltip(model({ keyCount: 1 }), en)).toBe('Fernwartung – 1 key loaded');
    expect(trayTooltip(model({ keyCount: 2 }), en)).toBe('Fernwartung – 2 keys loaded');
    expect(trayTooltip(model({ keyCount: 1 }), de)).toBe('Fernwartung – 1 Schlüssel geladen');
    expect(trayTooltip(model({ state: 'locked' }), de)).toBe('Fernwartung – Agent gesperrt');
    expect(trayTooltip(model({ state: 'nokey', keyCount: 0 }), en)).toBe('Fernwartung – no key loaded');
  });

  it('has every text in both languages, and no German left in English', () => {
    const leaves = (tree: object): string[] =>
      Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v as object)));
    const keys = (tree: object, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`),
      );
    // All of the main process's texts (the tray's, the dialogs', the start refusal's).
    expect(keys(mainTexts.en)).toEqual(keys(mainTexts.de));
    for (const text of leaves(mainTexts.en)) expect(text).not.toMatch(/[äöüß]/);
    for (const state of ['nokey', 'loaded', 'locked'] as const) {
      const items = lines(trayMenuTemplate(model({ state }), en)).join('|');
      expect(items).not.toMatch(/[äöüß]|status\.|tooltip\./);
    }
  });

  it('shows a profile name with & as written on Windows and Linux', () => {
    expect(menuLabel('Schule A & B', 'win32')).toBe('Schule A && B');
    expect(menuLabel('Schule A & B', 'linux')).toBe('Schule A && B');
    expect(menuLabel('Schule A & B', 'darwin')).toBe('Schule A & B');
    const items = trayMenuTemplate(model({ profiles: [portalProfile('A & B', { favourite: true })] }), en);
    expect(actionOf(items, 'A && B')?.action).toEqual({ kind: 'openProfile', profileId: 'id-A & B' });
  });
});

describe('tray icons', () => {
  it('names a file per state, template images on macOS', () => {
    expect(trayIconFile('/app/assets', 'win32', 'loaded')).toBe('/app/assets/tray/tray-loaded.png');
    expect(trayIconFile('/app/assets', 'linux', 'nokey')).toBe('/app/assets/tray/tray-nokey.png');
    expect(trayIconFile('/app/assets', 'darwin', 'locked')).toBe('/app/assets/tray/trayTemplate-locked.png');
  });

  it('falls back to an empty image while the file is missing, and marks macOS images as templates', () => {
    const images = {
      createFromPath: (path: string) => {
        const image = {
          from: path,
          template: false,
          setTemplateImage: (on: boolean) => (image.template = on),
        };
        return image as unknown as NativeImage;
      },
      createEmpty: () => ({ empty: true }) as unknown as NativeImage,
    };
    expect(loadTrayIcon('/x/tray-loaded.png', images, () => false)).toEqual({ empty: true });
    expect(loadTrayIcon('/x/tray-loaded.png', images, () => true)).toMatchObject({
      from: '/x/tray-loaded.png',
      template: false,
    });
    // The menu bar tints template images for light and dark; Electron does not see it from this name.
    const mac = trayIconFile('/app/assets', 'darwin', 'locked');
    expect(loadTrayIcon(mac, images, () => true)).toMatchObject({ from: mac, template: true });
  });
});

describe('tray controller', () => {
  function fakeShell(files: string[] = []) {
    const log: string[] = [];
    const menus: MenuItemConstructorOptions[][] = [];
    const run: TrayAction[] = [];
    const tray = {
      setImage: (image: unknown) => log.push(`image ${JSON.stringify(image)}`),
      setToolTip: (text: string) => log.push(`tooltip ${text}`),
      setContextMenu: () => log.push('menu'),
      destroy: () => log.push('destroy'),
    };
    const controller = new TrayController({
      createTray: (image) => {
        log.push(`create ${JSON.stringify(image)}`);
        return tray;
      },
      buildMenu: (template) => {
        menus.push(template);
        return {} as Menu;
      },
      images: {
        createFromPath: (path) => path as unknown as NativeImage,
        createEmpty: () => 'empty' as unknown as NativeImage,
      },
      assetsDir: '/app/assets',
      run: (action) => run.push(action),
      exists: (path) => files.includes(path),
    });
    return { controller, log, menus, run };
  }

  it('creates the tray once, changes the icon only with the state, and rebuilds the menu', () => {
    const { controller, log, menus } = fakeShell(['/app/assets/tray/tray-loaded.png']);
    controller.update(model({ state: 'nokey', keyCount: 0 }), 'de');
    controller.update(
      model({ state: 'nokey', keyCount: 0, profiles: [portalProfile('A', { favourite: true })] }),
      'de',
    );
    controller.update(model(), 'en');
    // The same again (e.g. refusals dismissed): nothing changes, an open menu stays open.
    controller.update(model(), 'en');
    controller.dispose();
    expect(log).toEqual([
      'create "empty"',
      'tooltip Fernwartung – kein Schlüssel geladen',
      'menu',
      'tooltip Fernwartung – kein Schlüssel geladen',
      'menu',
      'image "/app/assets/tray/tray-loaded.png"',
      'tooltip Fernwartung – 2 keys loaded',
      'menu',
      'destroy',
    ]);
    expect(menus[1]!.map((item) => item.label)).toContain('A');
    expect(menus[2]![1]).toMatchObject({ label: 'Open window', enabled: true });
  });

  it('runs an item’s action when it is clicked', () => {
    const { controller, menus, run } = fakeShell();
    controller.update(
      model({ profiles: [portalProfile('A', { favourite: true })], startAtLogin: true }),
      'en',
    );
    const click = (label: string) => (menus[0]!.find((item) => item.label === label)!.click as () => void)();
    click('A');
    click('Start at login');
    click('Quit');
    expect(run).toEqual([
      { kind: 'openProfile', profileId: 'id-A' },
      { kind: 'toggleStartAtLogin' },
      { kind: 'quit' },
    ]);
    expect(menus[0]!.find((item) => item.label === 'Start at login')).toMatchObject({
      type: 'checkbox',
      checked: true,
    });
    expect(menus[0]!.find((item) => item.label === 'Favourites')!.click).toBeUndefined();
  });

  it('turns separators and disabled items into Electron’s template', () => {
    expect(
      electronTemplate([{ type: 'separator' }, { type: 'normal', label: 'x', enabled: false }], () => {}),
    ).toEqual([{ type: 'separator' }, { type: 'normal', label: 'x', enabled: false, click: undefined }]);
  });
});
