// The Windows calls the agent needs and Node does not offer, behind an
// interface so the logic around them is testable on any OS.
//
// The real implementation is win32-platform.ts (logic) over win32-koffi.ts
// (the only file that touches the FFI). Both are imported lazily by
// loadWindowsPlatform() and only on win32, so Linux and macOS never load koffi.
// Not run on Windows yet: see docs/WINDOWS.md.
import { AppError } from '../../../core/app-error';
import type { WindowsPlatform } from './win32-types';

/**
 * The native platform, loaded on demand. Off Windows it refuses without
 * importing anything native (`agent.platformUnsupported`); on Windows the
 * FFI is imported here for the first time.
 */
export async function loadWindowsPlatform(
  platform: NodeJS.Platform = process.platform,
  load: () => Promise<WindowsPlatform> = async () => (await import('./win32-platform')).createWin32Platform(),
): Promise<WindowsPlatform> {
  if (platform !== 'win32') {
    throw new AppError('agent.platformUnsupported', { feature: 'Windows API (Pageant pipe name)' });
  }
  return load();
}
