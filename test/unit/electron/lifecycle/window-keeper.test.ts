// The one window, made on demand, put where it was, hidden or closed on close, remembered on quit.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  createWindowKeeper,
  type WindowKeeperDeps,
} from '../../../../src/main/electron/lifecycle/window-keeper';
import { windowStateDocument, type WindowState } from '../../../../src/main/electron/lifecycle/window-state';
import { createMemoryStore } from '../../../../src/main/storage/document-store';

/** Just what the keeper uses of a BrowserWindow. */
class FakeWindow extends EventEmitter {
  visible = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  bounds = { x: 0, y: 0, width: 1200, height: 800 };
  readonly webContents = { id: 1 };
  isDestroyed = () => this.destroyed;
  isVisible = () => this.visible;
  isMinimized = () => this.minimized;
  isMaximized = () => this.maximized;
  restore = vi.fn(() => (this.minimized = false));
  show = vi.fn(() => (this.visible = true));
  hide = vi.fn(() => (this.visible = false));
  focus = vi.fn();
  maximize = vi.fn(() => (this.maximized = true));
  setBounds = vi.fn((b: typeof this.bounds) => (this.bounds = b));
  getNormalBounds = () => this.bounds;
  /** The close button: `close` may be prevented, else the window is gone. */
  clickClose() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }
  destroy = vi.fn(() => {
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
  });
  /** What main-window.ts does once the page is ready. */
  ready() {
    this.emit('ready-to-show');
    this.show();
  }
}

function setup(state: Partial<WindowState> = {}, live = 0) {
  const made: FakeWindow[] = [];
  const store = createMemoryStore<WindowState>({ ...windowStateDocument.defaults, ...state });
  const notice = vi.fn();
  let liveSessions = live;
  let quitting = false;
  const keeper = createWindowKeeper({
    create: () => {
      const w = new FakeWindow();
      made.push(w);
      return w as unknown as ReturnType<WindowKeeperDeps['create']>;
    },
    displays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    state: store,
    liveSessions: () => liveSessions,
    quitting: () => quitting,
    firstCloseNotice: notice,
  });
  return {
    keeper,
    made,
    store,
    notice,
    setLive: (n: number) => (liveSessions = n),
    startQuitting: () => (quitting = true),
  };
}

describe('window keeper', () => {
  it('makes no window until asked, then one, and shows the same one again', () => {
    const { keeper, made } = setup();
    expect(made).toHaveLength(0);
    expect(keeper.contents()).toBeUndefined();
    keeper.show();
    made[0]!.ready();
    keeper.show();
    expect(made).toHaveLength(1);
    expect(made[0]!.focus).toHaveBeenCalled();
    expect(keeper.contents()).toBe(made[0]!.webContents);
  });

  it('opens where it was, kept on the screen, and maximized again once ready', () => {
    const { keeper, made } = setup({ bounds: { x: 2500, y: 100, width: 800, height: 600 }, maximized: true });
    keeper.show();
    expect(made[0]!.setBounds).toHaveBeenCalledWith({ x: 1120, y: 100, width: 800, height: 600 });
    expect(made[0]!.maximize).not.toHaveBeenCalled();
    made[0]!.ready();
    expect(made[0]!.maximize).toHaveBeenCalledOnce();
  });

  it('on close with live sessions hides the window (its page stays); without, closes it; the notice once', () => {
    const { keeper, made, notice, setLive, store } = setup({}, 1);
    keeper.show();
    made[0]!.ready();
    made[0]!.bounds = { x: 10, y: 20, width: 900, height: 700 };
    made[0]!.clickClose();
    expect(made[0]!.destroyed).toBe(false);
    expect(made[0]!.visible).toBe(false);
    expect(store.read()).toMatchObject({
      bounds: { x: 10, y: 20, width: 900, height: 700 },
      closeNoticeShown: true,
    });
    keeper.show();
    expect(made).toHaveLength(1);
    setLive(0);
    made[0]!.clickClose();
    expect(made[0]!.destroyed).toBe(true);
    expect(keeper.contents()).toBeUndefined();
    expect(notice).toHaveBeenCalledOnce();
    // The next show makes a new window.
    keeper.show();
    expect(made).toHaveLength(2);
  });

  it('raises only a shown window for a second start with key files', () => {
    const { keeper, made } = setup();
    keeper.focusIfShown();
    expect(made).toHaveLength(0);
    keeper.show();
    made[0]!.ready();
    made[0]!.minimized = true;
    keeper.focusIfShown();
    expect(made[0]!.restore).toHaveBeenCalled();
    expect(keeper.visible()).toBe(made[0]);
  });

  it('on quit remembers the place and destroys the window without a notice', () => {
    const { keeper, made, notice, store, startQuitting } = setup({}, 2);
    keeper.show();
    made[0]!.ready();
    made[0]!.maximized = true;
    startQuitting();
    keeper.closeForQuit();
    expect(made[0]!.destroyed).toBe(true);
    expect(store.read().maximized).toBe(true);
    expect(notice).not.toHaveBeenCalled();
  });
});
