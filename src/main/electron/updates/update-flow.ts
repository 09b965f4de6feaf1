// What the app does with an update feed: look now and then, and ask before
// anything is downloaded or installed. electron-updater comes in as an
// interface, so this runs in tests without Electron.
import type { Language } from '../../../shared/model/settings';
import { errorCode, type Logger } from '../../core/log';
import { updateQuestion, type UpdateQuestion } from './update-texts';

/** The part of electron-updater's AppUpdater used here. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(): void;
}

export interface UpdateFlowDeps {
  updater: UpdaterLike;
  /** Shows the question; true when the user chose the first button. */
  ask: (question: UpdateQuestion) => Promise<boolean>;
  language: () => Language;
  log: Logger;
}

/** The first look waits until the app has settled (a login start should not wait on the network). */
export const FIRST_CHECK_DELAY_MS = 60_000;
export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

export class UpdateFlow {
  private firstCheck: ReturnType<typeof setTimeout> | undefined;
  private laterChecks: ReturnType<typeof setInterval> | undefined;
  /** A version the user put off is not asked again until the app restarts. */
  private putOff: string | undefined;
  /** A version already downloaded waits for the restart or the quit. */
  private downloaded: string | undefined;
  private busy = false;

  constructor(private readonly deps: UpdateFlowDeps) {
    const { updater } = deps;
    // Never download or install without the user's yes.
    updater.autoDownload = false;
    // Installing at quit applies only to an update the user chose to download.
    updater.autoInstallOnAppQuit = true;
    updater.on('update-available', (info) => void this.offer(info.version));
    updater.on('update-downloaded', (info) => {
      this.downloaded = info.version;
      void this.offerRestart(info.version);
    });
    // Offline or a missing feed is normal for a laptop: logged, never shown.
    updater.on('error', (error) => deps.log.warn('updates: feed error', { code: errorCode(error) }));
  }

  start(): void {
    this.firstCheck = setTimeout(() => void this.check(), FIRST_CHECK_DELAY_MS);
    this.laterChecks = setInterval(() => void this.check(), CHECK_INTERVAL_MS);
    // The timers never keep the app alive on their own.
    this.firstCheck.unref?.();
    this.laterChecks.unref?.();
  }

  async check(): Promise<void> {
    if (this.busy) return;
    try {
      await this.deps.updater.checkForUpdates();
    } catch (error) {
      this.deps.log.warn('updates: check failed', { code: errorCode(error) });
    }
  }

  dispose(): void {
    clearTimeout(this.firstCheck);
    clearInterval(this.laterChecks);
  }

  private async offer(version: string): Promise<void> {
    if (this.busy || this.putOff === version || this.downloaded === version) return;
    this.busy = true;
    try {
      if (!(await this.deps.ask(updateQuestion(this.deps.language(), 'available', version)))) {
        this.putOff = version;
        return;
      }
      this.deps.log.info('updates: downloading', { version });
      await this.deps.updater.downloadUpdate();
    } catch (error) {
      this.deps.log.warn('updates: download failed', { code: errorCode(error), version });
    } finally {
      this.busy = false;
    }
  }

  private async offerRestart(version: string): Promise<void> {
    if (await this.deps.ask(updateQuestion(this.deps.language(), 'downloaded', version))) {
      this.deps.updater.quitAndInstall();
    }
  }
}
