// What the shell remembers between runs: the window's place and size, whether
// it was maximized, and whether the "still running in the background" notice
// was shown. A document of its own in the data folder (window-state.json),
// written atomically by the same store as the settings; it is not a setting
// the user edits, so it stays out of settings.json and the contract.
import { z } from 'zod';
import type { Logger } from '../../core/log';
import { openConfDocument, type ConfFactory, type VersionedDocument } from '../../storage/conf-store';
import type { DocumentStore } from '../../storage/document-store';

const rectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
});

const windowStateSchema = z.object({
  schemaVersion: z.literal(1),
  /** The window's normal (not maximized) bounds when it last closed. */
  bounds: rectSchema.optional(),
  maximized: z.boolean(),
  /** The first close tells that the app keeps running; later closes say nothing. */
  closeNoticeShown: z.boolean(),
});

export type WindowState = z.infer<typeof windowStateSchema>;

export const windowStateDocument: VersionedDocument<WindowState> = {
  schema: windowStateSchema,
  version: 1,
  defaults: { schemaVersion: 1, maximized: false, closeNoticeShown: false },
};

/** Opens `<data dir>/window-state.json`; a corrupt file is moved aside and the defaults used (logged only). */
export function openWindowState(
  factory: ConfFactory,
  dataDir: string,
  log: Logger,
): DocumentStore<WindowState> {
  return openConfDocument(factory, { dataDir, name: 'window-state' }, windowStateDocument, (notice) =>
    log.warn('window state: notice', { code: notice.code, reason: notice.detail }),
  );
}

/** Bounds as whole pixels (Electron reports integers, but a scaled screen can give fractions). */
export function roundBounds(b: { x: number; y: number; width: number; height: number }) {
  return {
    x: Math.round(b.x),
    y: Math.round(b.y),
    width: Math.max(1, Math.round(b.width)),
    height: Math.max(1, Math.round(b.height)),
  };
}
