// The session's handlers as session-policy.ts wires them, against a stand-in
// session (no Electron binary here): the CSP on responses, permissions only
// for the app page served from app://.
import { describe, expect, it } from 'vitest';
import { applySessionPolicy } from '../../../src/main/electron/session-policy';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/app/csp';

type Fn = (...args: never[]) => unknown;

function fakeSession() {
  const handlers: Record<string, Fn> = {};
  const session = {
    webRequest: { onHeadersReceived: (fn: Fn) => (handlers.headers = fn) },
    setPermissionRequestHandler: (fn: Fn) => (handlers.request = fn),
    setPermissionCheckHandler: (fn: Fn) => (handlers.check = fn),
  };
  return { session: session as never, handlers: handlers as Record<string, (...args: unknown[]) => unknown> };
}

const page = { rendererFile: '/opt/Fernwartung/resources/app.asar/out/renderer/index.html' };

describe('the session policy', () => {
  it('puts the CSP on every response', () => {
    const { session, handlers } = fakeSession();
    applySessionPolicy(session, page);
    let answer: unknown;
    handlers.headers!(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'x-a': ['1'] } },
      (a: unknown) => (answer = a),
    );
    expect(answer).toEqual({
      responseHeaders: { 'x-a': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('answers permission requests: the clipboard for the app page, nothing else', () => {
    const { session, handlers } = fakeSession();
    applySessionPolicy(session, page);
    const ask = (permission: string, requestingUrl: string) => {
      let granted: unknown;
      handlers.request!({}, permission, (g: unknown) => (granted = g), { requestingUrl });
      return granted;
    };
    expect(ask('clipboard-read', 'app://fernwartung/index.html')).toBe(true);
    expect(ask('clipboard-sanitized-write', 'app://fernwartung/index.html')).toBe(true);
    expect(ask('media', 'app://fernwartung/index.html')).toBe(false);
    expect(ask('openExternal', 'app://fernwartung/index.html')).toBe(false);
    expect(ask('clipboard-read', 'https://evil.example/')).toBe(false);
    expect(ask('clipboard-read', 'file:///opt/Fernwartung/resources/app.asar/out/renderer/index.html')).toBe(
      false,
    );
  });

  it('answers permission checks by origin: app://fernwartung only', () => {
    const { session, handlers } = fakeSession();
    applySessionPolicy(session, page);
    expect(handlers.check!({}, 'clipboard-read', 'app://fernwartung')).toBe(true);
    expect(handlers.check!({}, 'clipboard-sanitized-write', 'app://fernwartung')).toBe(true);
    expect(handlers.check!({}, 'notifications', 'app://fernwartung')).toBe(false);
    // file:// pages all share one origin; it is no longer ours.
    expect(handlers.check!({}, 'clipboard-read', 'file:///')).toBe(false);
    expect(handlers.check!({}, 'clipboard-read', 'app://evil')).toBe(false);
  });

  it('in development, treats the dev server as the app page', () => {
    const { session, handlers } = fakeSession();
    applySessionPolicy(session, { ...page, devServerUrl: 'http://localhost:5173' });
    expect(handlers.check!({}, 'clipboard-read', 'http://localhost:5173')).toBe(true);
    expect(handlers.check!({}, 'clipboard-read', 'app://fernwartung')).toBe(false);
  });
});
