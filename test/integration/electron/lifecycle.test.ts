// The built main bundle (out/main/index.js, from `npm run build`) run in plain
// Node against the recording stand-in of `electron`
// (test/fixtures/electron-stand-in/): the closest proof here that the shell's
// wiring does what its tested decisions say. Not Electron: no window is drawn,
// no tray shown, no dialog seen by anyone; docs/DESKTOP.md lists what a person
// checks on Windows and macOS.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CALL } from '../../../src/shared/contract/ipc';
import type { WireResult } from '../../../src/shared/contract';
import { acquireInstanceLock } from '../../../src/main/storage/instance-lock';
import { sshKeygen, type KeygenKey } from '../../fixtures/agent/keys';
import { launchMain, mainBundle, type MainRun } from '../../fixtures/electron-stand-in/launch';
import type { StandInSnapshot } from '../../fixtures/electron-stand-in/control';

const run = promisify(execFile);
const dirs: string[] = [];
const runs: MainRun[] = [];
let keyDir: string;
let key: KeygenKey;
let lockedKey: KeygenKey;
/** The test key's passphrase: a fixture value, not a secret. */
const lockedKeyPassphrase = 'korrekt pferd batterie heftklammer';

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

function start(
  args: string[] = [],
  env: Record<string, string> = {},
  userData = tempDir('fw-shell-'),
): { main: MainRun; userData: string; socket: string } {
  const main = launchMain({ userData, args, env });
  runs.push(main);
  return { main, userData, socket: join(userData, 'agent', 'agent.sock') };
}

/** The fingerprints `ssh-add -l` lists on the agent's socket (the real client, not ours). */
async function agentFingerprints(socket: string): Promise<string[]> {
  const listed = await run('ssh-add', ['-l', '-E', 'sha256'], {
    env: { ...process.env, SSH_AUTH_SOCK: socket },
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return listed.stdout
    .split('\n')
    .map((line) => line.split(' ')[1])
    .filter((f): f is string => f?.startsWith('SHA256:') === true);
}

// Generous against two busy cores; each scenario takes 2-3 s here when the machine is quiet.
async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The exit code, or a failure when the process still runs after `timeoutMs`. */
async function exitCode(main: MainRun, timeoutMs = 10_000): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([main.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

const visibleWindow = (s: StandInSnapshot) => s.windows.find((w) => !w.destroyed && w.visible);
const liveWindows = (s: StandInSnapshot) => s.windows.filter((w) => !w.destroyed);
const called = (s: StandInSnapshot, api: string, method: string) =>
  s.calls.filter((c) => c.api === api && c.method === method);

async function invoke(main: MainRun, name: string, input: unknown): Promise<WireResult> {
  return (await main.command({ type: 'ipc.invoke', channel: IPC_CALL, args: [name, input] })) as WireResult;
}

beforeAll(async () => {
  if (!existsSync(mainBundle)) throw new Error(`${mainBundle} is missing: run npm run build first`);
  keyDir = tempDir('fw-shell-keys-');
  key = await sshKeygen(keyDir, 'id_ed25519', 'ed25519', { comment: 'max.mustermann@firma.de' });
  lockedKey = await sshKeygen(keyDir, 'id_locked', 'ed25519', { passphrase: lockedKeyPassphrase });
});

afterEach(async () => {
  await Promise.all(runs.splice(0).map((r) => r.stop()));
});

afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the main bundle against the Electron stand-in', () => {
  it('starts with one window made with the safe options, the agent socket, IPC and no menu on Linux', async () => {
    const { main, socket } = start();
    const window = await main.waitFor(visibleWindow, 'the first window');
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
        allowRunningInsecureContent: false,
        preload: expect.stringMatching(/out\/preload\/index\.cjs$/),
      },
    });
    const snapshot = await main.snapshot();
    expect(liveWindows(snapshot)).toHaveLength(1);
    // Shown only once its page was ready (show: false, then show()).
    expect(called(snapshot, 'BrowserWindow 1', 'show')).toHaveLength(1);
    expect(called(snapshot, 'ipcMain', 'handle').map((c) => c.args[0])).toEqual([IPC_CALL]);
    // Linux: no application menu at all (Electron's default binds Ctrl+W, Ctrl+R).
    expect(snapshot.applicationMenu).toBeNull();
    await waitUntil(() => existsSync(socket), 'the agent socket');
    // The page's calls reach the backend through the checked IPC handler.
    const settings = await invoke(main, 'settings.get', {});
    expect(settings).toMatchObject({ ok: true, value: { language: 'de' } });
  });

  it('starts hidden with --hidden: no window until one is asked for', async () => {
    const { main, socket } = start(['--hidden']);
    await waitUntil(() => existsSync(socket), 'the agent socket');
    let snapshot = await main.snapshot();
    expect(called(snapshot, 'BrowserWindow', 'new')).toEqual([]);
    const trays = snapshot.trays.filter((t) => !t.destroyed);
    const openItem = trays[0]?.menu?.find((item) =>
      /^(Fenster öffnen|Open window)$/.test(String(item.label)),
    );
    if (openItem) {
      // The tray (once its part has landed): one icon, whose "open window" makes the window on demand.
      expect(trays).toHaveLength(1);
      await main.command({ type: 'tray.click', label: String(openItem.label) });
    } else {
      // Without it, a second start without key files brings the window.
      await main.command({
        type: 'app.emit',
        event: 'second-instance',
        args: [[process.execPath, '.'], keyDir, {}],
      });
    }
    await main.waitFor(visibleWindow, 'the window made on demand');
    snapshot = await main.snapshot();
    expect(liveWindows(snapshot)).toHaveLength(1);
  });

  it('a second instance (the lock is taken) ends at once: no window, no agent of its own', async () => {
    const { main, socket } = start([key.privatePath], { FW_STANDIN_SINGLE_INSTANCE: '0' });
    expect(await exitCode(main)).toBe(0);
    expect(existsSync(socket)).toBe(false);
  });

  it('refuses to start on a data folder another instance holds (the host, say): says so and ends, the folder untouched', async () => {
    const userData = tempDir('fw-shell-held-');
    const held = acquireInstanceLock(userData);
    try {
      const { main, socket } = start([], { FW_STANDIN_LOG: '1' }, userData);
      expect(await exitCode(main)).toBe(1);
      // The shell's own refusal (logged, then the error box), not an uncaught exception.
      expect(main.stderr()).toContain('[main] error: start: failed code=storage.dataFolderInUse');
      expect(main.stderr()).not.toContain('Uncaught');
      expect(existsSync(socket)).toBe(false);
    } finally {
      held.release();
    }
  });

  it('loads the key file a second start hands over into the agent, without a new window', async () => {
    const { main, socket } = start(['--hidden']);
    await waitUntil(() => existsSync(socket), 'the agent socket');
    expect(await agentFingerprints(socket)).toEqual([]);
    // `Fernwartung id_ed25519` typed in keyDir: a relative path, resolved against the second start's folder.
    await main.command({
      type: 'app.emit',
      event: 'second-instance',
      args: [[process.execPath, '.', 'id_ed25519'], keyDir, {}],
    });
    await waitUntil(
      async () => (await agentFingerprints(socket)).includes(key.fingerprint),
      'the key in the agent',
    );
    expect(liveWindows(await main.snapshot())).toEqual([]);
  });

  it('closing the window keeps the app and the agent; the notice comes once; Quit without sessions ends cleanly', async () => {
    const { main, socket, userData } = start([key.privatePath]);
    await main.waitFor(visibleWindow, 'the first window');
    await waitUntil(
      async () => (await agentFingerprints(socket)).includes(key.fingerprint),
      'the key at start',
    );

    await main.command({ type: 'window.close' });
    let snapshot = await main.snapshot();
    // No live session: the window is closed for real, the app runs on.
    expect(liveWindows(snapshot)).toEqual([]);
    expect(snapshot.exitCode).toBeNull();
    expect(existsSync(socket)).toBe(true);
    expect(await agentFingerprints(socket)).toContain(key.fingerprint);
    const notices = called(snapshot, 'Notification', 'show');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.args[0]).toMatchObject({ title: 'Fernwartung läuft weiter' });
    // The place is remembered in the data folder.
    const state = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8'));
    expect(state).toMatchObject({ closeNoticeShown: true, bounds: { width: 1200, height: 800 } });

    // Open again (as the tray's "open window" does through showWindow), close again: no second notice.
    await main.command({
      type: 'app.emit',
      event: 'second-instance',
      args: [[process.execPath, '.'], keyDir, {}],
    });
    await main.waitFor(visibleWindow, 'the window again');
    await main.command({ type: 'window.close' });
    snapshot = await main.snapshot();
    expect(called(snapshot, 'Notification', 'show')).toHaveLength(1);

    // Quit with no live session: no question, sessions and socket gone, exit 0.
    await main.command({ type: 'app.quit' });
    expect(await exitCode(main)).toBe(0);
    expect(existsSync(socket)).toBe(false);
    // Electron's own quit ran on after the clean-up (will-quit, quit: where an update installs), not app.exit().
    expect(main.stderr()).toContain('[stand-in] quit ran to its end');
  });

  it('a key that needs its passphrase at a hidden start brings up the window to ask it, as Pageant does at login', async () => {
    const { main, socket } = start(['--hidden', lockedKey.privatePath]);
    await main.waitFor(visibleWindow, 'the window for the passphrase');
    const pending = await invoke(main, 'prompts.pending', {});
    const prompts = (pending as { value: Array<{ id: string; kind: string }> }).value;
    expect(prompts.map((p) => p.kind)).toEqual(['passphrase']);
    const answered = await invoke(main, 'prompts.answer', {
      id: prompts[0]!.id,
      answer: { kind: 'passphrase', passphrase: lockedKeyPassphrase },
    });
    expect(answered).toMatchObject({ ok: true, value: { accepted: true } });
    await waitUntil(async () => (await agentFingerprints(socket)).includes(lockedKey.fingerprint), 'the key');
  });

  it('opens the window where it was, pulled onto the screen, and maximized again', async () => {
    const userData = tempDir('fw-shell-');
    // Last closed on a second screen (x 3000) that is gone now; the stand-in has one 1920×1040 work area.
    writeFileSync(
      join(userData, 'window-state.json'),
      JSON.stringify({
        schemaVersion: 1,
        bounds: { x: 3000, y: 200, width: 1000, height: 700 },
        maximized: true,
        closeNoticeShown: true,
      }),
    );
    const { main } = start([], {}, userData);
    const window = await main.waitFor((s) => s.windows.find((w) => w.visible && w.maximized), 'the window');
    expect(window.bounds).toEqual({ x: 920, y: 200, width: 1000, height: 700 });
    const snapshot = await main.snapshot();
    expect(called(snapshot, 'BrowserWindow 1', 'setBounds').map((c) => c.args[0])).toEqual([
      { x: 920, y: 200, width: 1000, height: 700 },
    ]);
    // The notice was shown in an earlier run: closing now says nothing.
    await main.command({ type: 'window.close' });
    expect(called(await main.snapshot(), 'Notification', 'show')).toEqual([]);
  });

  it('macOS: a login start stays hidden, a .ppk from Finder before ready goes to the agent, the menu keeps Cmd+W, the dock icon brings the window', async () => {
    const { main, socket } = start([], {
      FW_STANDIN_PLATFORM: 'darwin',
      FW_STANDIN_OPENED_AT_LOGIN: '1',
      FW_STANDIN_OPEN_FILES: key.privatePath,
    });
    await waitUntil(
      async () => (await agentFingerprints(socket)).includes(key.fingerprint),
      'the key from Finder',
    );
    let snapshot = await main.snapshot();
    expect(called(snapshot, 'BrowserWindow', 'new')).toEqual([]);
    // The application menu: app, Edit and Window menus, in German; Cmd+W stays the page's "close tab".
    const menu = snapshot.applicationMenu as Array<{
      label: string;
      submenu: Array<{ accelerator?: string }>;
    }>;
    expect(menu.map((m) => m.label)).toEqual(['Fernwartung', 'Bearbeiten', 'Fenster']);
    const accelerators = menu.flatMap((m) => m.submenu.map((i) => i.accelerator).filter(Boolean));
    expect(accelerators).toContain('Command+Q');
    expect(accelerators).toContain('Shift+Command+W');
    expect(accelerators).not.toContain('Command+W');

    await main.command({ type: 'app.emit', event: 'activate', args: [false] });
    await main.waitFor(visibleWindow, 'the window from the dock');
    await main.command({ type: 'window.close' });
    snapshot = await main.snapshot();
    expect(liveWindows(snapshot)).toEqual([]);
    expect(called(snapshot, 'Notification', 'show')[0]!.args[0]).toMatchObject({
      body: expect.stringContaining('in der Menüleiste'),
    });
    await main.command({ type: 'app.emit', event: 'activate', args: [false] });
    await main.waitFor(visibleWindow, 'a new window from the dock');
    // The menu follows the language chosen in the window.
    expect(await invoke(main, 'settings.update', { language: 'en' })).toMatchObject({ ok: true });
    snapshot = await main.snapshot();
    expect((snapshot.applicationMenu as Array<{ label: string }>).map((m) => m.label)).toEqual([
      'Fernwartung',
      'Edit',
      'Window',
    ]);
  });

  describe('with a live session', () => {
    // A server that accepts and never speaks: the session stays connecting (live) for the test's length.
    let silent: Server;
    const held: Socket[] = [];
    beforeAll(async () => {
      silent = createServer((socket) => held.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    async function openSession(main: MainRun): Promise<void> {
      const port = (silent.address() as { port: number }).port;
      const saved = await invoke(main, 'profiles.save', {
        kind: 'portal',
        name: 'Testschule',
        host: '127.0.0.1',
        port,
        user: 'iserv-max.mustermann',
        keyPath: '',
      });
      expect(saved.ok).toBe(true);
      const profileId = (saved as { value: { id: string } }).value.id;
      const before = held.length;
      const opened = await invoke(main, 'sessions.open', { profileId, cols: 80, rows: 24 });
      expect(opened.ok).toBe(true);
      await waitUntil(() => held.length > before, 'the session to reach the server');
    }

    /** The app started with a key file: its window shown and the key in the agent. */
    async function startWithKey() {
      const started = start([key.privatePath]);
      await started.main.waitFor(visibleWindow, 'the first window');
      await waitUntil(
        async () => (await agentFingerprints(started.socket)).includes(key.fingerprint),
        'the key at start',
      );
      return started;
    }

    it('closing the window hides it (the tabs stay); Quit asks, Cancel keeps it, Quit ends and removes the socket', async () => {
      const { main, socket } = await startWithKey();
      await openSession(main);

      await main.command({ type: 'window.close' });
      let snapshot = await main.snapshot();
      const [window] = liveWindows(snapshot);
      expect(window).toMatchObject({ visible: false, destroyed: false });

      await main.command({ type: 'app.quit' });
      snapshot = await main.waitFor((s) => s.dialogs.find((d) => !d.answered) && s, 'the quit question');
      expect(snapshot.dialogs[0]!.options).toMatchObject({
        message: 'Eine Sitzung ist noch offen. Fernwartung beenden?',
        buttons: ['Beenden', 'Abbrechen'],
        cancelId: 1,
      });
      await main.command({ type: 'dialog.answer', response: 1 });
      await new Promise((r) => setTimeout(r, 100));
      snapshot = await main.snapshot();
      expect(snapshot.exitCode).toBeNull();
      expect(existsSync(socket)).toBe(true);

      // This time from the tray's Quit, which must take the same way.
      expect(snapshot.trays[0]?.menu?.some((item) => item.label === 'Beenden')).toBe(true);
      await main.command({ type: 'tray.click', label: 'Beenden' });
      await main.waitFor((s) => s.dialogs.filter((d) => !d.answered).length === 1, 'the question again');
      await main.command({ type: 'dialog.answer', response: 0 });
      expect(await exitCode(main)).toBe(0);
      expect(main.stderr()).toContain('[stand-in] quit ran to its end');
      // backend.dispose() closes the sessions first, then the agent: its socket gone shows it ran to the end.
      expect(existsSync(socket)).toBe(false);
    });

    it('a logout or shutdown ends without the question, even with a live session', async () => {
      const { main, socket } = await startWithKey();
      await openSession(main);
      await main.command({ type: 'powerMonitor.emit', event: 'shutdown' });
      expect(await exitCode(main)).toBe(0);
      expect(existsSync(socket)).toBe(false);
      expect(main.stderr()).toContain('[stand-in] quit ran to its end');
    });
  });
});
