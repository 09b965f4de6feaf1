// Whether this copy of the app has an update feed. The feed is chosen when the
// packages are built (scripts/packaging/update-feed.ts): electron-builder then
// writes resources/app-update.yml, which electron-updater reads. No file, no
// updates; a development run never has one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface FeedLocation {
  isPackaged: boolean;
  /** `process.resourcesPath`: undefined outside Electron. */
  resourcesPath: string | undefined;
  exists?: (path: string) => boolean;
}

/** The feed's file, or null when updates are off. */
export function updateFeedFile({
  isPackaged,
  resourcesPath,
  exists = existsSync,
}: FeedLocation): string | null {
  if (!isPackaged || !resourcesPath) return null;
  const file = join(resourcesPath, 'app-update.yml');
  return exists(file) ? file : null;
}
