// What the Electron shell decides, checked in Node (no Electron binary here).
import { describe, expect, it } from 'vitest';
import {
  allowNavigation,
  CONTENT_SECURITY_POLICY,
  externalOpenAllowed,
  isAppUrl,
  mainWindowOptions,
  permissionAllowed,
  withCsp,
} from '../../../src/main/electron/security';
import { isTrustedSender, registerContractIpc } from '../../../src/main/electron/ipc';
import { EventBus } from '../../../src/main/contract/event-bus';
import { IPC_CALL, IPC_EVENT } from '../../../src/shared/contract/ipc';

describe('window options', () => {
  it('isolates the renderer', () => {
    const web = mainWindowOptions('/app/out/preload/index.cjs').webPreferences!;
    expect(web).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('has a strict CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(withCsp({ a: ['1'] })).toEqual({ a: ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('navigation', () => {
  const app = { rendererFile: '/opt/Fernwartung/resources/app.asar/out/renderer/index.html' };
  it('knows the app page', () => {
    expect(isAppUrl('file:///opt/Fernwartung/resources/app.asar/out/renderer/index.html', app)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', app)).toBe(false);
    expect(isAppUrl('https://evil.example/', app)).toBe(false);
    expect(isAppUrl('not a url', app)).toBe(false);
    // Windows: the page's URL has a slash before the drive letter, the path has backslashes.
    const windowsApp = {
      rendererFile: 'C:\\Program Files\\Fernwartung\\resources\\app.asar\\out\\renderer\\index.html',
    };
    expect(
      isAppUrl(
        'file:///C:/Program%20Files/Fernwartung/resources/app.asar/out/renderer/index.html',
        windowsApp,
      ),
    ).toBe(true);
    expect(
      isAppUrl(
        'file:///c:/Program%20Files/Fernwartung/resources/app.asar/out/renderer/index.html',
        windowsApp,
      ),
    ).toBe(true);
    expect(isAppUrl('file:///C:/Users/x/evil.html', windowsApp)).toBe(false);
    expect(isAppUrl('http://localhost:5173/x', { ...app, devServerUrl: 'http://localhost:5173' })).toBe(true);
  });

  it('denies navigation away and opens only mailto and https outside', () => {
    expect(allowNavigation('file:///app/index.html#x', 'file:///app/index.html')).toBe(true);
    expect(allowNavigation('https://evil.example/', 'file:///app/index.html')).toBe(false);
    expect(externalOpenAllowed('mailto:support@iserv.eu?subject=x')).toBe(true);
    expect(externalOpenAllowed('https://iserv.de/')).toBe(true);
    expect(externalOpenAllowed('file:///etc/passwd')).toBe(false);
    expect(externalOpenAllowed('javascript:alert(1)')).toBe(false);
  });
});

describe('permissions', () => {
  const isApp = (url: string) => url.startsWith('file:///app/');
  it('grants the app page the clipboard and nothing else', () => {
    expect(permissionAllowed('clipboard-read', 'file:///app/index.html', isApp)).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'file:///app/index.html', isApp)).toBe(true);
    for (const other of ['media', 'geolocation', 'notifications', 'openExternal', 'hid', 'serial'])
      expect(permissionAllowed(other, 'file:///app/index.html', isApp)).toBe(false);
    expect(permissionAllowed('clipboard-read', 'https://evil.example/', isApp)).toBe(false);
  });
});

describe('IPC sender checks', () => {
  const isApp = (url: string) => url === 'file:///app/index.html';
  it('trusts only the main frame of our window on the app page', () => {
    const good = { frameUrl: 'file:///app/index.html', isMainFrame: true, isOurWindow: true };
    expect(isTrustedSender(good, isApp)).toBe(true);
    expect(isTrustedSender({ ...good, isMainFrame: false }, isApp)).toBe(false);
    expect(isTrustedSender({ ...good, isOurWindow: false }, isApp)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: 'https://evil.example/' }, isApp)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: null }, isApp)).toBe(false);
  });

  it('dispatches trusted calls, refuses others, and forwards events', async () => {
    type Handler = (event: unknown, name: unknown, input: unknown) => unknown;
    const handlers = new Map<string, Handler>();
    const sent: unknown[][] = [];
    const mainFrame = { url: 'file:///app/index.html' };
    const contents = { mainFrame, isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) };
    const ipcMain = {
      handle: (ch: string, h: Handler) => handlers.set(ch, h),
      removeHandler: (ch: string) => handlers.delete(ch),
    };
    const events = new EventBus();
    const calls: unknown[] = [];
    const dispose = registerContractIpc({
      ipcMain: ipcMain as never,
      dispatcher: { invoke: async (name, input) => (calls.push([name, input]), { ok: true, value: 1 }) },
      events,
      window: () => contents as never,
      isAppUrl: isApp,
    });
    const handle = handlers.get(IPC_CALL)!;
    expect(await handle({ sender: contents, senderFrame: mainFrame }, 'app.info', {})).toEqual({
      ok: true,
      value: 1,
    });
    const subFrame = { url: 'file:///app/index.html' };
    expect(await handle({ sender: contents, senderFrame: subFrame }, 'app.info', {})).toMatchObject({
      ok: false,
    });
    expect(await handle({ sender: {}, senderFrame: mainFrame }, 'app.info', {})).toMatchObject({ ok: false });
    expect(calls).toEqual([['app.info', {}]]);
    events.emit('prompt.closed', { id: 'p1' });
    expect(sent).toEqual([[IPC_EVENT, 'prompt.closed', { id: 'p1' }]]);
    dispose();
    expect(handlers.size).toBe(0);
  });
});
