// Which file shows a tray state. The icons are drawn from assets/icon.svg into
// assets/tray/: `tray-<state>.png` (+ `@2x`) for Windows and Linux, and macOS
// template images `trayTemplate-<state>.png` (black with alpha; the menu bar
// tints them for light and dark). Electron picks the `@2x` file itself.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NativeImage } from 'electron';
import type { TrayState } from './tray-state';

export function trayIconFile(assetsDir: string, platform: NodeJS.Platform, state: TrayState): string {
  const name = platform === 'darwin' ? `trayTemplate-${state}.png` : `tray-${state}.png`;
  return join(assetsDir, 'tray', name);
}

/** The icon, or an empty image while the file is missing (the tray then still works, with its tooltip). */
export function loadTrayIcon(
  file: string,
  images: { createFromPath(path: string): NativeImage; createEmpty(): NativeImage },
  exists: (path: string) => boolean = existsSync,
): NativeImage {
  if (!exists(file)) return images.createEmpty();
  const image = images.createFromPath(file);
  // Electron marks only names ending in "Template" itself; ours carry the state after it.
  if (isTemplateFile(file)) image.setTemplateImage(true);
  return image;
}

function isTemplateFile(file: string): boolean {
  return /(^|[\\/])trayTemplate-[^\\/]*$/.test(file);
}
