// What the Electron shell decides, checked in Node (no Electron binary here).
import { describe, expect, it } from 'vitest';
import {
  allowNavigation,
  CONTENT_SECURITY_POLICY,
  externalOpenAllowed,
  isAppUrl,
  mainWindowOptions,
  opensOutsideOnNavigation,
  permissionAllowed,
  withCsp,
} from '../../../src/main/electron/security';

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
      nodeIntegrationInSubFrames: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    // Nothing that would loosen them: no extra Blink features, no insecure content, no preload elsewhere.
    expect(web).not.toHaveProperty('enableBlinkFeatures');
    expect(web).not.toHaveProperty('additionalArguments');
    expect(web).not.toHaveProperty('partition');
  });

  it('has a strict CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*/);
    // Workers: only our own bundle's (the headless host's WebSocket worker).
    expect(CONTENT_SECURITY_POLICY).toContain("worker-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(withCsp({ a: ['1'] })).toEqual({ a: ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    // A policy in another spelling is replaced, not kept beside ours.
    expect(withCsp({ 'content-security-policy': ['default-src *'] })).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('navigation', () => {
  const app = { rendererFile: '/opt/Fernwartung/resources/app.asar/out/renderer/index.html' };
  it('knows the app page: app://fernwartung, its index page or its bare origin', () => {
    expect(isAppUrl('app://fernwartung/index.html', app)).toBe(true);
    expect(isAppUrl('app://fernwartung/index.html#x', app)).toBe(true);
    expect(isAppUrl('app://fernwartung/', app)).toBe(true);
    // Permission checks name only the origin.
    expect(isAppUrl('app://fernwartung', app)).toBe(true);
    expect(isAppUrl('app://fernwartung/assets/index.js', app)).toBe(false);
    expect(isAppUrl('app://other/index.html', app)).toBe(false);
    expect(isAppUrl('app://user@fernwartung/index.html', app)).toBe(false);
    expect(isAppUrl('app://fernwartung:8080/index.html', app)).toBe(false);
    expect(isAppUrl('file:///opt/Fernwartung/resources/app.asar/out/renderer/index.html', app)).toBe(false);
    expect(isAppUrl('file:///', app)).toBe(false);
    expect(isAppUrl('https://fernwartung/index.html', app)).toBe(false);
    expect(isAppUrl('https://evil.example/', app)).toBe(false);
    expect(isAppUrl('not a url', app)).toBe(false);
  });

  it('in development, knows the dev server instead', () => {
    const dev = { ...app, devServerUrl: 'http://localhost:5173' };
    expect(isAppUrl('http://localhost:5173/x', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('app://fernwartung/index.html', dev)).toBe(false);
  });

  it('denies navigation away and opens only mailto and https outside', () => {
    expect(allowNavigation('app://fernwartung/index.html#x', 'app://fernwartung/index.html')).toBe(true);
    expect(allowNavigation('https://evil.example/', 'app://fernwartung/index.html')).toBe(false);
    expect(allowNavigation('app://fernwartung/other.html', 'app://fernwartung/index.html')).toBe(false);
    expect(externalOpenAllowed('mailto:support@iserv.eu?subject=x')).toBe(true);
    expect(externalOpenAllowed('https://iserv.de/')).toBe(true);
    expect(externalOpenAllowed('file:///etc/passwd')).toBe(false);
    expect(externalOpenAllowed('javascript:alert(1)')).toBe(false);
    expect(externalOpenAllowed('http://iserv.de/')).toBe(false);
    expect(externalOpenAllowed('ssh://host')).toBe(false);
    expect(externalOpenAllowed('not a url')).toBe(false);
  });

  it('follows only a mailto: link outside; any other navigation stays denied', () => {
    expect(opensOutsideOnNavigation('mailto:support@iserv.eu?subject=x')).toBe(true);
    expect(opensOutsideOnNavigation('MAILTO:support@iserv.eu')).toBe(true);
    expect(opensOutsideOnNavigation('https://iserv.de/')).toBe(false);
    expect(opensOutsideOnNavigation('file:///etc/passwd')).toBe(false);
    expect(opensOutsideOnNavigation('javascript:alert(1)')).toBe(false);
  });
});

describe('permissions', () => {
  const isApp = (url: string) => isAppUrl(url, { rendererFile: '/app/index.html' });
  it('grants the app page the clipboard and nothing else', () => {
    expect(permissionAllowed('clipboard-read', 'app://fernwartung/index.html', isApp)).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'app://fernwartung', isApp)).toBe(true);
    for (const other of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'hid',
      'serial',
      'fullscreen',
    ])
      expect(permissionAllowed(other, 'app://fernwartung/index.html', isApp)).toBe(false);
    expect(permissionAllowed('clipboard-read', 'file:///', isApp)).toBe(false);
    expect(permissionAllowed('clipboard-read', 'https://evil.example/', isApp)).toBe(false);
  });
});
