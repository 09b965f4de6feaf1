// The one window, made on demand (a `--hidden` start has none until asked):
// opened where it was last, kept on a visible screen, and on close hidden or
// closed as close-behaviour.ts decides; the app itself keeps running. Only
// Electron's types are imported here: index.ts hands in the window factory
// and the screens.
import type { BrowserWindow, WebContents } from 'electron';
import type { DocumentStore } from '../../storage/document-store';
import { windowCloseAction } from './close-behaviour';
import { keepOnScreen, type DisplayArea } from './keep-on-screen';
import { roundBounds, type WindowState } from './window-state';

export interface WindowKeeperDeps {
  /** Makes the window (main-window.ts); it shows itself once its page is ready. */
  create: () => BrowserWindow;
  /** The screens now (Electron's `screen`, after ready). */
  displays: () => DisplayArea[];
  state: DocumentStore<WindowState>;
  liveSessions: () => number;
  quitting: () => boolean;
  /** The first close that leaves the app running: tell the user (once, remembered in the state). */
  firstCloseNotice: () => void;
}

export interface WindowKeeper {
  /** Shows and focuses the window, making it first if there is none. */
  show(): void;
  /** Raises the window only if it is shown already (a second start handing over key files). */
  focusIfShown(): void;
  /** The window when it is on screen (a parent for dialogs). */
  visible(): BrowserWindow | undefined;
  /** The page of the window, while one exists (for IPC). */
  contents(): WebContents | undefined;
  /** Quitting: remembers the place and destroys the window. */
  closeForQuit(): void;
}

export function createWindowKeeper(deps: WindowKeeperDeps): WindowKeeper {
  let win: BrowserWindow | undefined;
  const alive = () => (win && !win.isDestroyed() ? win : undefined);

  const remember = (w: BrowserWindow) => {
    const state = deps.state.read();
    deps.state.write({ ...state, bounds: roundBounds(w.getNormalBounds()), maximized: w.isMaximized() });
  };

  const noticeOnce = () => {
    const state = deps.state.read();
    if (state.closeNoticeShown) return;
    deps.state.write({ ...state, closeNoticeShown: true });
    deps.firstCloseNotice();
  };

  const open = (): BrowserWindow => {
    const w = deps.create();
    const saved = deps.state.read();
    const bounds = keepOnScreen(saved.bounds, deps.displays());
    // Before the page is ready, so the window appears in its place (main-window.ts shows it on ready-to-show).
    if (bounds) w.setBounds(bounds);
    if (saved.maximized) w.once('ready-to-show', () => w.maximize());
    w.on('close', (event) => {
      remember(w);
      if (deps.quitting()) return;
      if (windowCloseAction({ quitting: false, liveSessions: deps.liveSessions() }) === 'hide') {
        event.preventDefault();
        w.hide();
      }
      noticeOnce();
    });
    w.on('closed', () => {
      if (win === w) win = undefined;
    });
    return w;
  };

  return {
    show() {
      const w = alive();
      if (!w) {
        win = open();
        return;
      }
      if (w.isMinimized()) w.restore();
      w.show();
      w.focus();
    },
    focusIfShown() {
      const w = alive();
      if (!w?.isVisible()) return;
      if (w.isMinimized()) w.restore();
      w.focus();
    },
    visible: () => {
      const w = alive();
      return w?.isVisible() ? w : undefined;
    },
    contents: () => alive()?.webContents,
    closeForQuit() {
      const w = alive();
      if (!w) return;
      remember(w);
      w.destroy();
    },
  };
}
