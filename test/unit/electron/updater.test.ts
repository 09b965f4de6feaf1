// Updates: off without a feed in the package; with one, nothing is downloaded
// or installed without the user's yes.
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { updateFeedFile } from '../../../src/main/electron/updates/update-feed';
import {
  CHECK_INTERVAL_MS,
  FIRST_CHECK_DELAY_MS,
  UpdateFlow,
  type UpdaterLike,
} from '../../../src/main/electron/updates/update-flow';
import type { UpdateQuestion } from '../../../src/main/electron/updates/update-texts';
import { createMemoryLogger } from '../../../src/main/core/log';

describe('update feed', () => {
  const resources = join('/opt', 'Fernwartung', 'resources');
  const feed = join(resources, 'app-update.yml');

  it('is the package’s app-update.yml when there is one', () => {
    expect(updateFeedFile({ isPackaged: true, resourcesPath: resources, exists: (p) => p === feed })).toBe(
      feed,
    );
  });

  it('is off without that file, in development and outside Electron', () => {
    expect(updateFeedFile({ isPackaged: true, resourcesPath: resources, exists: () => false })).toBeNull();
    expect(updateFeedFile({ isPackaged: false, resourcesPath: resources, exists: () => true })).toBeNull();
    expect(updateFeedFile({ isPackaged: true, resourcesPath: undefined, exists: () => true })).toBeNull();
  });
});

class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = true;
  autoInstallOnAppQuit = false;
  checkForUpdates = vi.fn(async () => null);
  downloadUpdate = vi.fn(async () => []);
  quitAndInstall = vi.fn();
}

describe('update flow', () => {
  let updater: FakeUpdater;
  let answers: boolean[];
  let asked: UpdateQuestion[];
  let log: ReturnType<typeof createMemoryLogger>;
  let flow: UpdateFlow;
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  beforeEach(() => {
    updater = new FakeUpdater();
    answers = [];
    asked = [];
    log = createMemoryLogger();
    flow = new UpdateFlow({
      updater,
      ask: async (question) => {
        asked.push(question);
        return answers.shift() ?? false;
      },
      language: () => 'en',
      log,
    });
  });

  afterEach(() => {
    flow.dispose();
    vi.useRealTimers();
  });

  it('never downloads on its own', () => {
    expect(updater.autoDownload).toBe(false);
  });

  it('looks a minute after start, then daily', async () => {
    vi.useFakeTimers();
    flow.start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS - 1);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    flow.dispose();
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS * 3);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('downloads only after the user says yes, and asks once per version when put off', async () => {
    answers = [false];
    updater.emit('update-available', { version: '1.2.0' });
    await settle();
    expect(asked.map((q) => q.message)).toEqual(['Fernwartung 1.2.0 is available.']);
    expect(updater.downloadUpdate).not.toHaveBeenCalled();

    updater.emit('update-available', { version: '1.2.0' });
    await settle();
    expect(asked).toHaveLength(1);

    answers = [true];
    updater.emit('update-available', { version: '1.3.0' });
    await settle();
    expect(updater.downloadUpdate).toHaveBeenCalledTimes(1);
  });

  it('installs only after the user says yes, else at quit; a downloaded version is not offered again', async () => {
    answers = [false];
    updater.emit('update-downloaded', { version: '1.2.0' });
    await settle();
    expect(asked[0]?.buttons).toEqual(['Restart', 'When quitting']);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(updater.autoInstallOnAppQuit).toBe(true);

    updater.emit('update-available', { version: '1.2.0' });
    await settle();
    expect(asked).toHaveLength(1);

    answers = [true];
    updater.emit('update-downloaded', { version: '1.2.0' });
    await settle();
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('logs a failed check, download or feed error, and shows nothing', async () => {
    updater.checkForUpdates.mockRejectedValueOnce(
      Object.assign(new Error('getaddrinfo ENOTFOUND updates.example'), { code: 'ENOTFOUND' }),
    );
    await flow.check();
    answers = [true];
    updater.downloadUpdate.mockRejectedValueOnce(new Error('sha512 checksum mismatch'));
    updater.emit('update-available', { version: '1.2.0' });
    await settle();
    updater.emit('error', new Error('HttpError: 404'));
    // Codes only: an updater's message can quote a feed URL or a server's answer.
    expect(log.lines).toEqual([
      'warn: updates: check failed code=ENOTFOUND',
      'info: updates: downloading version=1.2.0',
      'warn: updates: download failed code=Error version=1.2.0',
      'warn: updates: feed error code=Error',
    ]);
    expect(asked).toHaveLength(1);
  });

  it('asks in German when the app is set to German', async () => {
    const german = new FakeUpdater();
    const questions: UpdateQuestion[] = [];
    new UpdateFlow({
      updater: german,
      ask: async (q) => (questions.push(q), false),
      language: () => 'de',
      log: createMemoryLogger(),
    });
    german.emit('update-available', { version: '2.0.0' });
    await settle();
    expect(questions[0]?.buttons).toEqual(['Herunterladen', 'Später']);
  });
});
