// Quit, from the tray, the menu (Cmd+Q) or a second `app.quit()`: asks when
// sessions are live, then ends everything once. Electron-free, so the order
// (ask, then clean up, then exit, never twice) is tested in Node; index.ts
// wires it to `before-quit` (prevented until the flow has ended), a message
// box, and `app.quit()` again to exit, so Electron's own quit runs to its end
// (`will-quit` and `quit`, where electron-updater installs a downloaded update).
import type { Language } from '../../../shared/model/settings';
import { mainTranslator } from '../../core/texts/main-i18n';

export interface QuitFlowDeps {
  /** Sessions connecting or connected now. */
  liveSessions: () => number;
  /** Asks whether to end them; resolves true to quit. */
  confirm: (liveSessions: number) => Promise<boolean>;
  /** Closes sessions, removes the agent's socket. */
  end: () => Promise<void>;
  /** Lets the process end, once `end` has finished (phase `ended`). */
  exit: () => void;
}

export type QuitPhase = 'running' | 'asking' | 'ending' | 'ended';

export interface QuitFlow {
  readonly phase: QuitPhase;
  /** Starts quitting; a request while asking, ending or ended does nothing. Resolves once decided (and ended). */
  request(): Promise<void>;
  /**
   * The system shuts down or logs out: no question (nobody would answer it, and
   * it would hold up the logout), an open one is dropped; the clean-up starts at once.
   */
  systemShutdown(): Promise<void>;
  /**
   * Whether Electron's quit may go on (`before-quit` not prevented): once the
   * flow has ended, and during a shutdown also while it cleans up, so the
   * system's logout is never refused (the process ending closes the sessions anyway).
   */
  letsQuitThrough(): boolean;
}

export function createQuitFlow(deps: QuitFlowDeps): QuitFlow {
  let phase: QuitPhase = 'running';
  let shuttingDown = false;

  const finish = async () => {
    phase = 'ending';
    try {
      await deps.end();
    } finally {
      // Ended even if the clean-up failed: quitting must not get stuck half way.
      phase = 'ended';
      deps.exit();
    }
  };

  return {
    get phase() {
      return phase;
    },
    async request() {
      if (phase !== 'running') return;
      const live = deps.liveSessions();
      if (live > 0) {
        phase = 'asking';
        const confirmed = await deps.confirm(live).catch(() => false);
        // A shutdown may have taken over while the question was open.
        if (phase !== 'asking') return;
        if (!confirmed) {
          phase = 'running';
          return;
        }
      }
      await finish();
    },
    async systemShutdown() {
      shuttingDown = true;
      if (phase === 'running' || phase === 'asking') await finish();
    },
    letsQuitThrough: () => phase === 'ended' || (shuttingDown && phase === 'ending'),
  };
}

export interface QuitQuestion {
  type: 'question';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  /** Index of the button that quits. */
  defaultId: number;
  cancelId: number;
}

/** The question before ending live sessions; button 0 quits, Escape cancels. */
export function quitQuestion(language: Language, liveSessions: number): QuitQuestion {
  const t = mainTranslator(language, 'quit');
  return {
    type: 'question',
    title: 'Fernwartung',
    message: t('message', { count: liveSessions }),
    detail: t('detail'),
    buttons: [t('quit'), t('cancel')],
    defaultId: 0,
    cancelId: 1,
  };
}
