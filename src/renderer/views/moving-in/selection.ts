// What the user ticked in an import preview, and what that sends. New items
// start ticked; a duplicate cannot be ticked (importing it changes nothing);
// a conflict starts unticked because importing it replaces what is stored.
import type { Api } from '../../../shared/contract/api';
import type {
  ImportPreview,
  ImportResult,
  PreviewKeyFile,
  PreviewStatus,
} from '../../../shared/contract/moving-in';

export interface ImportSelection {
  profiles: ReadonlySet<string>;
  hostKeys: ReadonlySet<string>;
  keyFiles: ReadonlySet<string>;
}

export type SelectionList = keyof ImportSelection;

/** Profiles and host keys: a duplicate cannot be ticked. */
export const canTick = (status: PreviewStatus): boolean => status !== 'duplicate';

/** Key files: one that is missing or loaded at start already cannot be ticked. */
export const canTickKeyFile = (status: PreviewKeyFile['status']): boolean => status === 'new';

const newIds = (items: Array<{ id: string; status: string }>) =>
  new Set(items.filter((item) => item.status === 'new').map((item) => item.id));

export function initialSelection(preview: ImportPreview): ImportSelection {
  return {
    profiles: newIds(preview.profiles),
    hostKeys: newIds(preview.hostKeys),
    keyFiles: newIds(preview.keyFiles),
  };
}

export function toggle(
  selection: ImportSelection,
  list: SelectionList,
  id: string,
  ticked: boolean,
): ImportSelection {
  const next = new Set(selection[list]);
  if (ticked) next.add(id);
  else next.delete(id);
  return { ...selection, [list]: next };
}

/** The ticked items that can be ticked, in the preview's order. */
export function tickedItems(preview: ImportPreview, selection: ImportSelection) {
  return {
    profiles: preview.profiles.filter((p) => canTick(p.status) && selection.profiles.has(p.id)),
    hostKeys: preview.hostKeys.filter((h) => canTick(h.status) && selection.hostKeys.has(h.id)),
    keyFiles: preview.keyFiles.filter((k) => canTickKeyFile(k.status) && selection.keyFiles.has(k.id)),
  };
}

export function nothingTicked(preview: ImportPreview, selection: ImportSelection): boolean {
  const ticked = tickedItems(preview, selection);
  return ticked.profiles.length + ticked.hostKeys.length + ticked.keyFiles.length === 0;
}

/**
 * Imports the ticked profiles and host keys (key files go to the agent
 * afterwards, one by one, since each may ask its passphrase).
 */
export async function applySelection(
  api: Pick<Api, 'import'>,
  preview: ImportPreview,
  selection: ImportSelection,
): Promise<{ result: ImportResult; keyFiles: PreviewKeyFile[] }> {
  const ticked = tickedItems(preview, selection);
  const result = await api.import.apply({
    previewId: preview.previewId,
    profiles: ticked.profiles.map((p) => p.id),
    hostKeys: ticked.hostKeys.map((h) => h.id),
  });
  return { result, keyFiles: ticked.keyFiles };
}

/** What the first-use offer counts: sessions and host keys nothing stored matches yet. */
export function newFound(preview: ImportPreview): { profiles: number; hostKeys: number } {
  return {
    profiles: preview.profiles.filter((p) => p.status === 'new').length,
    hostKeys: preview.hostKeys.filter((h) => h.status === 'new').length,
  };
}
