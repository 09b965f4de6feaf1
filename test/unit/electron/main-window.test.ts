// The window as main-window.ts makes it, through a stand-in of `electron`
// (no Electron binary here): made with exactly mainWindowOptions (the literal
// webPreferences written out for the static scan must agree with it), loaded
// from app://, and locked to its page.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const made = vi.hoisted(() => ({
  windows: [] as Array<{
    options: unknown;
    loaded: string[];
    on: Map<string, Listener>;
    once: Map<string, Listener>;
    openHandler?: (details: { url: string }) => unknown;
    url: string;
  }>,
  opened: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    readonly record;
    readonly webContents;
    constructor(options: unknown) {
      const record = {
        options,
        loaded: [] as string[],
        on: new Map<string, Listener>(),
        once: new Map<string, Listener>(),
        openHandler: undefined as ((details: { url: string }) => unknown) | undefined,
        url: '',
      };
      this.record = record;
      made.windows.push(record);
      this.webContents = {
        on: (event: string, listener: Listener) => record.on.set(event, listener),
        setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
          record.openHandler = handler;
        },
        getURL: () => record.url,
      };
    }
    once(event: string, listener: Listener) {
      this.record.once.set(event, listener);
    }
    show() {}
    async loadURL(url: string) {
      this.record.loaded.push(url);
      this.record.url = url;
    }
    async loadFile(file: string) {
      this.record.loaded.push(`loadFile:${file}`);
    }
  }
  return {
    BrowserWindow,
    shell: {
      openExternal: async (url: string) => {
        made.opened.push(url);
      },
    },
  };
});

const { createMainWindow } = await import('../../../src/main/electron/main-window');
const { mainWindowOptions } = await import('../../../src/main/electron/security');

const preload = '/opt/Fernwartung/resources/app.asar/out/preload/index.cjs';
const page = { rendererFile: '/opt/Fernwartung/resources/app.asar/out/renderer/index.html' };

function prevented(listener: Listener | undefined, ...args: unknown[]): boolean {
  let stopped = false;
  listener?.({ preventDefault: () => (stopped = true) }, ...args);
  return stopped;
}

beforeEach(() => {
  made.windows.length = 0;
  made.opened.length = 0;
});

describe('the main window', () => {
  it('is made with exactly the options mainWindowOptions decides', () => {
    createMainWindow(preload, page);
    expect(made.windows).toHaveLength(1);
    // Deep equality both ways: the literal at `new BrowserWindow({...})` may neither
    // weaken nor drop nor add a web preference without this failing.
    expect(made.windows[0]!.options).toStrictEqual(mainWindowOptions(preload));
  });

  it('loads the app page from app://, or the dev server in development', () => {
    createMainWindow(preload, page);
    expect(made.windows[0]!.loaded).toEqual(['app://fernwartung/index.html']);
    createMainWindow(preload, { ...page, devServerUrl: 'http://localhost:5173' });
    expect(made.windows[1]!.loaded).toEqual(['http://localhost:5173']);
  });

  it('stays on its page: navigation denied, a mailto: link handed to the mail program', () => {
    createMainWindow(preload, page);
    const navigate = made.windows[0]!.on.get('will-navigate');
    expect(prevented(navigate, 'app://fernwartung/index.html#top')).toBe(false);
    expect(prevented(navigate, 'https://evil.example/')).toBe(true);
    expect(prevented(navigate, 'file:///etc/passwd')).toBe(true);
    expect(prevented(navigate, 'app://fernwartung/other.html')).toBe(true);
    expect(made.opened).toEqual([]);
    expect(prevented(navigate, 'mailto:support@iserv.eu?subject=Key')).toBe(true);
    expect(made.opened).toEqual(['mailto:support@iserv.eu?subject=Key']);
  });

  it('never opens a window: https and mailto go to the system, the rest nowhere', () => {
    createMainWindow(preload, page);
    const open = made.windows[0]!.openHandler!;
    for (const url of [
      'https://iserv.de/',
      'mailto:support@iserv.eu',
      'http://iserv.de/',
      'file:///etc/passwd',
    ])
      expect(open({ url })).toEqual({ action: 'deny' });
    expect(made.opened).toEqual(['https://iserv.de/', 'mailto:support@iserv.eu']);
  });

  it('refuses webviews', () => {
    createMainWindow(preload, page);
    expect(prevented(made.windows[0]!.on.get('will-attach-webview'), {}, {})).toBe(true);
  });
});

describe('windows in the sources', () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
    });
  }

  it('makes a window in main-window.ts only, and no view or webview anywhere', () => {
    const makers = files('src').filter((file) =>
      /new\s+(BrowserWindow|BrowserView|WebContentsView)\b|<webview/.test(readFileSync(file, 'utf8')),
    );
    expect(makers.map((f) => f.replace(/\\/g, '/'))).toEqual(['src/main/electron/main-window.ts']);
    const source = readFileSync('src/main/electron/main-window.ts', 'utf8');
    expect(source.match(/new\s+BrowserWindow\b/g)).toHaveLength(1);
    expect(source).not.toMatch(/BrowserView|WebContentsView/);
  });
});
