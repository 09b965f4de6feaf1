// The application menu binds no key the terminal or the page's tab shortcuts need.
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../../src/main/electron/lifecycle/app-menu';

type MenuItemConstructorOptions = NonNullable<ReturnType<typeof appMenuTemplate>>[number];

// Electron's default accelerators of the roles (lib/browser/api/menu-item-roles.ts), which apply
// when an item names none: the test counts them, so a role added without its own key is seen.
const roleDefaults: Partial<Record<NonNullable<MenuItemConstructorOptions['role']>, string>> = {
  close: 'CommandOrControl+W',
  copy: 'CommandOrControl+C',
  cut: 'CommandOrControl+X',
  forceReload: 'Shift+CommandOrControl+R',
  hide: 'Command+H',
  hideOthers: 'Command+Alt+H',
  minimize: 'CommandOrControl+M',
  paste: 'CommandOrControl+V',
  pasteAndMatchStyle: 'Shift+CommandOrControl+V',
  quit: 'CommandOrControl+Q',
  redo: 'Shift+CommandOrControl+Z',
  reload: 'CommandOrControl+R',
  resetZoom: 'CommandOrControl+0',
  selectAll: 'CommandOrControl+A',
  toggleDevTools: 'Alt+CommandOrControl+I',
  togglefullscreen: 'Control+Command+F',
  undo: 'CommandOrControl+Z',
  zoomIn: 'CommandOrControl+Plus',
  zoomOut: 'CommandOrControl+-',
};

function accelerators(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => {
    const own = item.accelerator ?? (item.role ? roleDefaults[item.role] : undefined);
    const sub = Array.isArray(item.submenu) ? accelerators(item.submenu) : [];
    return own ? [String(own), ...sub] : sub;
  });
}

/** On macOS, "CommandOrControl" is Command; modifiers in a fixed order for comparison. */
function normalize(accelerator: string): string {
  const parts = accelerator
    .split('+')
    .map((p) => (/^(CommandOrControl|CmdOrCtrl|Cmd)$/.test(p) ? 'Command' : p));
  const key = parts.pop()!;
  return [...parts.sort(), key].join('+');
}

describe('application menu', () => {
  it('has none on Windows and Linux, so no Ctrl key is taken from the terminal', () => {
    expect(appMenuTemplate('win32', 'de')).toBeNull();
    expect(appMenuTemplate('linux', 'en')).toBeNull();
  });

  it('on macOS keeps Cmd+W, Cmd+T and Cmd+1…9 for the tabs and binds no Ctrl key', () => {
    const keys = accelerators(appMenuTemplate('darwin', 'de')!).map(normalize);
    const tabKeys = ['Command+W', 'Command+T', ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `Command+${n}`)];
    for (const key of tabKeys) expect(keys).not.toContain(key);
    expect(keys).not.toContain('Command+Shift+[');
    expect(keys).not.toContain('Command+Shift+]');
    expect(keys.filter((k) => k.includes('Control'))).toEqual([]);
    // No reload or developer tools from the keyboard in the shipped app.
    expect(keys).not.toContain('Command+R');
    expect(keys).not.toContain('Alt+Command+I');
  });

  it('on macOS has Quit, the edit keys and Close Window on Cmd+Shift+W', () => {
    const keys = accelerators(appMenuTemplate('darwin', 'en')!).map(normalize);
    expect(keys).toEqual(
      expect.arrayContaining([
        'Command+Q',
        'Command+C',
        'Command+V',
        'Command+X',
        'Command+A',
        'Command+Shift+W',
      ]),
    );
  });

  it('is labelled in the chosen language', () => {
    expect(appMenuTemplate('darwin', 'de')?.[1]?.label).toBe('Bearbeiten');
    expect(appMenuTemplate('darwin', 'en')?.[1]?.label).toBe('Edit');
  });
});
