// The window's page going away (reload, crash) leaves its sessions to the next
// page; a crashed page is loaded again, but not in a loop.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  CRASH_RELOAD_PAUSE_MS,
  reloadsAfterGone,
  replacesPage,
  watchPageLoss,
  type WatchedPage,
} from '../../../../src/main/electron/lifecycle/page-loss';

class FakePage extends EventEmitter {
  reloads = 0;
  destroyed = false;
  reload() {
    this.reloads++;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

function watched(now = { t: 1_000_000 }) {
  const page = new FakePage();
  let gone = 0;
  watchPageLoss(
    page as unknown as WatchedPage,
    () => gone++,
    () => now.t,
  );
  return { page, gone: () => gone, now };
}

describe('the window page going away', () => {
  it('counts a new document in the main frame as the page gone, not an in-page or sub-frame navigation', () => {
    expect(replacesPage({ isMainFrame: true, isSameDocument: false })).toBe(true);
    expect(replacesPage({ isMainFrame: true, isSameDocument: true })).toBe(false);
    expect(replacesPage({ isMainFrame: false, isSameDocument: false })).toBe(false);
  });

  it('reloads after a crash, not when the window closes or the renderer cannot start, and not in a loop', () => {
    expect(reloadsAfterGone('crashed', undefined, 0)).toBe(true);
    expect(reloadsAfterGone('oom', undefined, 0)).toBe(true);
    expect(reloadsAfterGone('killed', undefined, 0)).toBe(true);
    expect(reloadsAfterGone('clean-exit', undefined, 0)).toBe(false);
    expect(reloadsAfterGone('launch-failed', undefined, 0)).toBe(false);
    expect(reloadsAfterGone('integrity-failure', undefined, 0)).toBe(false);
    expect(reloadsAfterGone('crashed', 5000, 5000 + CRASH_RELOAD_PAUSE_MS - 1)).toBe(false);
    expect(reloadsAfterGone('crashed', 5000, 5000 + CRASH_RELOAD_PAUSE_MS)).toBe(true);
  });

  it('tells the sessions on a reload and on a crash, and reloads the crashed page once per pause', () => {
    const { page, gone, now } = watched();
    page.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    expect(gone()).toBe(1);
    page.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    expect(gone()).toBe(1);
    page.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(gone()).toBe(2);
    expect(page.reloads).toBe(1);
    // It crashes again at once: the sessions are told, the page is left.
    now.t += 1000;
    page.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(gone()).toBe(3);
    expect(page.reloads).toBe(1);
    now.t += CRASH_RELOAD_PAUSE_MS;
    page.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    expect(page.reloads).toBe(2);
    // A window being destroyed is not reloaded.
    now.t += CRASH_RELOAD_PAUSE_MS;
    page.destroyed = true;
    page.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(page.reloads).toBe(2);
    expect(gone()).toBe(5);
  });
});
