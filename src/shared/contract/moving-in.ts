// Moving in: read PuTTY's and OpenSSH's setups, preview what would be
// imported (duplicates marked, nothing overwritten unasked), import what the
// user ticked; and export the profiles and known hosts for OpenSSH.
import { z } from 'zod';
import { call, noInput } from './define';
import {
  importedHostKeySchema,
  importedKeyFileSchema,
  importedProfileSchema,
  importProblemSchema,
} from '../model/moving-in';

export const importSourceSchema = z.union([
  /** A file the user picked: a PuTTY .reg export, an ssh config or a known_hosts file. */
  z.object({ file: z.string().trim().min(1).max(4096) }),
  /** PuTTY's registry on Windows; `~/.ssh/config` and `~/.ssh/known_hosts` everywhere. */
  z.object({ thisComputer: z.literal(true) }),
]);
export type ImportSource = z.infer<typeof importSourceSchema>;

/**
 * new: nothing like it is stored. duplicate: the same is stored already (importing changes nothing).
 * conflict: something different is stored under the same name (a profile) or for the same host,
 * port and key type (a host key): importing replaces it, so it is never ticked by default.
 */
export const previewStatuses = ['new', 'duplicate', 'conflict'] as const;
export type PreviewStatus = (typeof previewStatuses)[number];

const itemId = z.string().min(1).max(64);

export const previewProfileSchema = z.object({
  id: itemId,
  status: z.enum(previewStatuses),
  /** conflict: the stored profile it would replace. */
  existingName: z.string().nullable(),
  profile: importedProfileSchema,
});
export const previewHostKeySchema = z.object({
  id: itemId,
  status: z.enum(previewStatuses),
  /** conflict: the stored key's fingerprint. */
  existingFingerprint: z.string().nullable(),
  hostKey: importedHostKeySchema,
});
export const previewKeyFileSchema = z.object({
  id: itemId,
  /** missing: not on this computer; loaded: the agent loads it at start already. */
  status: z.enum(['new', 'missing', 'loaded']),
  keyFile: importedKeyFileSchema,
});

export const importPreviewSchema = z.object({
  previewId: itemId,
  /** The files (or `registry`) that were read. */
  sources: z.array(z.string()),
  profiles: z.array(previewProfileSchema),
  hostKeys: z.array(previewHostKeySchema),
  /** Offered for the agent: the view loads a ticked one with `agent.addFile` (it may ask a passphrase). */
  keyFiles: z.array(previewKeyFileSchema),
  problems: z.array(importProblemSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export type PreviewProfile = z.infer<typeof previewProfileSchema>;
export type PreviewHostKey = z.infer<typeof previewHostKeySchema>;
export type PreviewKeyFile = z.infer<typeof previewKeyFileSchema>;

export const importSelectionSchema = z.object({
  previewId: itemId,
  /** The ticked items; a conflict among them replaces what is stored (the view asked). */
  profiles: z.array(itemId).max(10_000),
  hostKeys: z.array(itemId).max(100_000),
});

export const importSkipReasons = ['duplicate', 'invalid', 'gone'] as const;
export const importResultSchema = z.object({
  profilesAdded: z.number().int(),
  profilesReplaced: z.number().int(),
  hostKeysAdded: z.number().int(),
  hostKeysReplaced: z.number().int(),
  /** Ticked but not imported: already there, no longer valid, or no longer in the preview. */
  skipped: z.array(z.object({ id: itemId, label: z.string(), reason: z.enum(importSkipReasons) })),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const exportSchema = z.object({
  /** Suggested file name. */
  fileName: z.string(),
  text: z.string(),
});

export const movingInCalls = {
  /** Reads a source; errors only for a bad request, everything about the file comes as problems. */
  'import.preview': call(importSourceSchema, importPreviewSchema),
  /** Imports the ticked items of a preview (the latest few previews are kept). */
  'import.apply': call(importSelectionSchema, importResultSchema),
  /** The profiles as an OpenSSH config snippet (ProxyJump, keepalive, SendEnv EMAIL, the agent socket). */
  'export.sshConfig': call(noInput, exportSchema),
  /** The app's known hosts as a known_hosts file (hashed entries as they came). */
  'export.knownHosts': call(noInput, exportSchema),
};

export const movingInEvents = {};
