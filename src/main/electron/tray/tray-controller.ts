// Keeps the tray in step with a model: icon, tooltip and menu. Electron's Tray,
// Menu and nativeImage come in as functions, so this runs in tests without it.
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { Language } from '../../../shared/model/settings';
import { loadTrayIcon, trayIconFile } from './tray-icons';
import { mainTranslator } from '../../core/texts/main-i18n';
import {
  trayMenuTemplate,
  trayTooltip,
  type TrayAction,
  type TrayMenuItem,
  type TrayModel,
} from './tray-menu';

export type TrayLike = Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'destroy'>;

export interface TrayControllerDeps {
  createTray: (image: NativeImage) => TrayLike;
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  images: { createFromPath(path: string): NativeImage; createEmpty(): NativeImage };
  /** The folder holding `tray/` (assets/ of the app). */
  assetsDir: string;
  run: (action: TrayAction) => void;
  exists?: (path: string) => boolean;
}

/** Electron's template: each action becomes a click that runs it. */
export function electronTemplate(
  items: readonly TrayMenuItem[],
  run: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { type: 'separator' };
    const { action } = item;
    const click = action ? () => run(action) : undefined;
    return item.type === 'checkbox'
      ? { type: 'checkbox', label: item.label, checked: item.checked, click }
      : { type: 'normal', label: item.label, enabled: item.enabled, click };
  });
}

export class TrayController {
  private tray: TrayLike | undefined;
  private iconFile = '';
  /**
   * What the menu shows now. `agent.changed` also comes when nothing shown here changed (a key
   * re-added, refusals dismissed, a remembered path), and a menu rebuilt while open may close.
   */
  private shown = '';

  constructor(private readonly deps: TrayControllerDeps) {}

  update(model: TrayModel, language: Language): void {
    const shown = JSON.stringify([model, language]);
    if (shown === this.shown) return;
    this.shown = shown;
    const t = mainTranslator(language, 'tray');
    const file = trayIconFile(this.deps.assetsDir, model.platform, model.state);
    if (file !== this.iconFile) {
      const image = loadTrayIcon(file, this.deps.images, this.deps.exists);
      if (this.tray) this.tray.setImage(image);
      else this.tray = this.deps.createTray(image);
      this.iconFile = file;
    }
    this.tray!.setToolTip(trayTooltip(model, t));
    this.tray!.setContextMenu(
      this.deps.buildMenu(electronTemplate(trayMenuTemplate(model, t), this.deps.run)),
    );
  }

  dispose(): void {
    this.tray?.destroy();
    this.tray = undefined;
    this.iconFile = '';
    this.shown = '';
  }
}
