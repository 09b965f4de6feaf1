// The wiring of the tray and start at login, with a real backend and a
// recording stand-in for the few Electron pieces it uses (no Electron here):
// the menu follows the agent, profiles and settings; its items reach the
// window, the settings and the login item.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestBackend, type TestBackend } from '../../fixtures/app/backend';
import { generateEd25519 } from '../../fixtures/ssh2-keys';
import { portalProfile } from '../../fixtures/profiles';

interface FakeItem {
  label?: string;
  type?: string;
  checked?: boolean;
  enabled?: boolean;
  click?: () => void;
}

const fake = vi.hoisted(() => ({
  trays: [] as Array<{
    image: unknown;
    tooltip: string;
    menu: FakeItem[];
    handlers: Record<string, () => void>;
  }>,
  loginItems: [] as unknown[],
  openDialog: { canceled: true, filePaths: [] as string[] },
  home: '',
}));

vi.mock('electron', () => {
  class Tray {
    image: unknown;
    tooltip = '';
    menu: FakeItem[] = [];
    handlers: Record<string, () => void> = {};
    constructor(image: unknown) {
      this.image = image;
      fake.trays.push(this);
    }
    setImage(image: unknown) {
      this.image = image;
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
    setContextMenu(menu: { template: FakeItem[] }) {
      this.menu = menu.template;
    }
    on(event: string, handler: () => void) {
      this.handlers[event] = handler;
    }
    destroy() {}
  }
  return {
    Tray,
    Menu: { buildFromTemplate: (template: FakeItem[]) => ({ template }) },
    nativeImage: { createFromPath: (path: string) => `image:${path}`, createEmpty: () => 'empty' },
    dialog: { showOpenDialog: async () => fake.openDialog },
    app: {
      isPackaged: true,
      getPath: () => fake.home,
      getAppPath: () => '/opt/Fernwartung/resources/app.asar',
      getName: () => 'Fernwartung',
      setLoginItemSettings: (settings: unknown) => fake.loginItems.push(settings),
    },
  };
});
vi.mock('electron-log/main', () => ({ default: { warn() {}, error() {}, info() {} } }));

const { startDesktopIntegration } = await import('../../../src/main/electron/desktop-integration');

const labels = () => fake.trays[0]!.menu.map((item) => (item.type === 'separator' ? '---' : item.label));
const click = (label: string) => fake.trays[0]!.menu.find((item) => item.label === label)!.click!();
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !condition(); i++) await settle();
  expect(condition()).toBe(true);
}

/** A favourite profile, as the tray lists it. */
const { id: _id, ...GYMNASIUM } = portalProfile('Gymnasium', { favourite: true });
describe('desktop integration', () => {
  let t: TestBackend;
  let shown: number;
  let quits: number;
  let config: string;
  const savedXdg = process.env.XDG_CONFIG_HOME;

  beforeEach(() => {
    fake.trays.length = 0;
    fake.loginItems.length = 0;
    fake.openDialog = { canceled: true, filePaths: [] };
    fake.home = mkdtempSync(join(tmpdir(), 'fw-home-'));
    // Linux writes the autostart file: into a temporary folder, never the real one.
    config = join(fake.home, 'config');
    process.env.XDG_CONFIG_HOME = config;
    t = startTestBackend();
    shown = 0;
    quits = 0;
  });
  afterEach(async () => {
    process.env.XDG_CONFIG_HOME = savedXdg;
    await t.cleanup();
    rmSync(fake.home, { recursive: true, force: true });
  });

  const start = () =>
    startDesktopIntegration({
      backend: t.backend,
      showWindow: () => shown++,
      quit: () => quits++,
      assetsDir: '/nonexistent/assets',
    });

  it('shows the agent state and follows profile and language changes', () => {
    const integration = start();
    expect(fake.trays).toHaveLength(1);
    // The icon files are missing here: an empty image, the tooltip still says the state.
    expect(fake.trays[0]!.image).toBe('empty');
    expect(fake.trays[0]!.tooltip).toBe('Fernwartung – kein Schlüssel geladen');
    expect(labels()).toContain('Noch keine Profile');

    t.backend.profiles.save(GYMNASIUM);
    expect(labels()).toContain('Gymnasium');
    t.backend.settings.update({ language: 'en' });
    expect(labels()).toContain('Open window');
    expect(fake.trays[0]!.tooltip).toBe('Fernwartung – no key loaded');
    integration.dispose();
  });

  it('opens the window for a profile and leaves the request for it', async () => {
    const profile = t.backend.profiles.save(GYMNASIUM);
    const integration = start();
    click('Gymnasium');
    click('Fenster öffnen');
    expect(shown).toBe(2);
    expect(await t.api.window.takeRequests()).toEqual([{ kind: 'openProfile', profileId: profile.id }]);
    // Windows and Linux: a click on the icon opens the window.
    fake.trays[0]!.handlers.click?.();
    expect(shown).toBe(process.platform === 'darwin' ? 2 : 3);
    click('Beenden');
    expect(quits).toBe(1);
    integration.dispose();
  });

  it('adds a key picked in the dialog, then follows lock and unlock', async () => {
    const key = join(fake.home, 'id_ed25519');
    writeFileSync(key, generateEd25519('max@firma.de').private, { mode: 0o600 });
    fake.openDialog = { canceled: false, filePaths: [key] };
    const integration = start();
    click('Schlüssel hinzufügen …');
    await until(() => fake.trays[0]!.tooltip === 'Fernwartung – 1 Schlüssel geladen');
    expect(shown).toBe(1);
    expect(labels()[0]).toBe('Agent: 1 Schlüssel geladen');

    click('Agent sperren …');
    expect(await t.api.window.takeRequests()).toEqual([{ kind: 'showAgent' }]);
    await t.api.agent.lock({ passphrase: 'sperre' });
    await until(() => fake.trays[0]!.tooltip === 'Fernwartung – Agent gesperrt');
    expect(labels()).toContain('Agent entsperren …');
    expect(fake.trays[0]!.menu.find((i) => i.label === 'Schlüssel hinzufügen …')?.enabled).toBe(false);
    integration.dispose();
  });

  it('tells the window when a picked file is no key', async () => {
    const notices: string[] = [];
    t.api.on('app.notice', (notice) => notices.push(notice.code));
    const file = join(fake.home, 'notes.txt');
    writeFileSync(file, 'no key here\n');
    fake.openDialog = { canceled: false, filePaths: [file] };
    const integration = start();
    click('Schlüssel hinzufügen …');
    await until(() => notices.length > 0);
    expect(notices[0]).toMatch(/^keys\./);
    integration.dispose();
  });

  it('applies start at login when the tray or the settings change it', async () => {
    const integration = start();
    const file = join(config, 'autostart', 'fernwartung.desktop');
    click('Mit der Anmeldung starten');
    await settle();
    expect(t.backend.settings.get().startAtLogin).toBe(true);
    expect(fake.trays[0]!.menu.find((i) => i.label === 'Mit der Anmeldung starten')?.checked).toBe(true);
    if (process.platform === 'linux') {
      expect(readFileSync(file, 'utf8')).toContain(`Exec=${process.execPath} --hidden\n`);
      t.backend.settings.update({ startHidden: false });
      await settle();
      expect(readFileSync(file, 'utf8')).toContain(`Exec=${process.execPath}\n`);
      t.backend.settings.update({ startAtLogin: false });
      await settle();
      expect(() => readFileSync(file)).toThrow(/ENOENT/);
      expect(fake.loginItems).toEqual([]);
    }
    // A change of anything else leaves the login item alone.
    const before = fake.loginItems.length;
    t.backend.settings.update({ language: 'en' });
    expect(fake.loginItems).toHaveLength(before);
    integration.dispose();
  });
});
