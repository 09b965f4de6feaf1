// The application menu. Electron's default menu binds keys a shell needs
// (Ctrl+W closes the window, Ctrl+R reloads the page, Ctrl+Shift+I opens the
// developer tools), and a menu's accelerators fire before the page sees the
// key. So: on Windows and Linux no menu at all (Chromium handles copy and
// paste in text fields without one; the terminal handles its own keys). On
// macOS a menu is expected, and without an Edit menu Cmd+C/Cmd+V work
// nowhere: the app and Edit menus with their usual Cmd keys, a Window menu
// without Cmd+W (the page's "close tab", as in Terminal.app; the window
// closes with Cmd+Shift+W, Terminal.app's "Close Window"). Ctrl keys are never
// bound: on macOS they belong to the shell as well.
import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../../shared/model/settings';

type Labels = Record<
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'showAll'
  | 'quit'
  | 'edit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'window'
  | 'minimize'
  | 'zoom'
  | 'closeWindow'
  | 'front',
  string
>;

const labels: Record<Language, Labels> = {
  de: {
    about: 'Über Fernwartung',
    services: 'Dienste',
    hide: 'Fernwartung ausblenden',
    hideOthers: 'Andere ausblenden',
    showAll: 'Alle einblenden',
    quit: 'Fernwartung beenden',
    edit: 'Bearbeiten',
    undo: 'Widerrufen',
    redo: 'Wiederholen',
    cut: 'Ausschneiden',
    copy: 'Kopieren',
    paste: 'Einsetzen',
    selectAll: 'Alles auswählen',
    window: 'Fenster',
    minimize: 'Im Dock ablegen',
    zoom: 'Zoomen',
    closeWindow: 'Fenster schließen',
    front: 'Alle nach vorne bringen',
  },
  en: {
    about: 'About Fernwartung',
    services: 'Services',
    hide: 'Hide Fernwartung',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quit: 'Quit Fernwartung',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    window: 'Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    closeWindow: 'Close Window',
    front: 'Bring All to Front',
  },
};

/**
 * The menu for `platform`, or null for none (`Menu.setApplicationMenu(null)`).
 * Every item with a role names its accelerator, so no default of Electron's
 * slips in unseen. The Quit item's role calls `app.quit()`, which asks when
 * sessions are live (quit-flow.ts).
 */
export function appMenuTemplate(
  platform: NodeJS.Platform,
  language: Language,
): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  const t = labels[language];
  return [
    {
      label: 'Fernwartung',
      submenu: [
        { role: 'about', label: t.about },
        { type: 'separator' },
        { role: 'services', label: t.services },
        { type: 'separator' },
        { role: 'hide', label: t.hide, accelerator: 'Command+H' },
        { role: 'hideOthers', label: t.hideOthers, accelerator: 'Command+Alt+H' },
        { role: 'unhide', label: t.showAll },
        { type: 'separator' },
        { role: 'quit', label: t.quit, accelerator: 'Command+Q' },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo, accelerator: 'Command+Z' },
        { role: 'redo', label: t.redo, accelerator: 'Shift+Command+Z' },
        { type: 'separator' },
        { role: 'cut', label: t.cut, accelerator: 'Command+X' },
        { role: 'copy', label: t.copy, accelerator: 'Command+C' },
        { role: 'paste', label: t.paste, accelerator: 'Command+V' },
        { role: 'selectAll', label: t.selectAll, accelerator: 'Command+A' },
      ],
    },
    {
      label: t.window,
      role: 'windowMenu',
      submenu: [
        { role: 'minimize', label: t.minimize, accelerator: 'Command+M' },
        { role: 'zoom', label: t.zoom },
        { type: 'separator' },
        { role: 'close', label: t.closeWindow, accelerator: 'Shift+Command+W' },
        { type: 'separator' },
        { role: 'front', label: t.front },
      ],
    },
  ];
}
