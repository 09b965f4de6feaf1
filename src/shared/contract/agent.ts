// The agent (Pageant's and ssh-agent's job) as the UI sees it: keys without
// private material, the socket/pipes other programs use, lock, and keys the
// agent refused. Private keys never cross this contract; passphrases only go in.
import { z } from 'zod';
import { call, noInput, ok } from './define';
import { errorInfoSchema } from '../errors';
import { keyInfoSchema } from './keys';

const fingerprint = z.string().min(1).max(200);
/** ssh-agent's largest sensible lifetime is unbounded; a year is plenty. */
export const MAX_AGENT_LIFETIME_SECONDS = 365 * 24 * 3600;

export const agentKeySchema = keyInfoSchema.extend({
  /** Where the key came from: a file path, `ssh-add`, ... */
  source: z.string(),
  /** Epoch milliseconds. */
  addedAt: z.number(),
  useCount: z.number(),
  lastUsedAt: z.number().nullable(),
  confirm: z.boolean(),
  /** Epoch milliseconds, or null for no lifetime. */
  expiresAt: z.number().nullable(),
  /** The source path is among the keys loaded at start (settings.agentKeyPaths). */
  remembered: z.boolean(),
  /** Its passphrase is stored, sealed by the OS keychain, and loads it at start without asking. */
  passphraseStored: z.boolean(),
});
export type AgentKey = z.infer<typeof agentKeySchema>;

export const agentRefusalSchema = z.object({
  type: z.string(),
  bits: z.number(),
  comment: z.string(),
  source: z.string(),
  /** Why, e.g. `keys.policyRefused` with {type, bits}. */
  error: errorInfoSchema,
  /** Epoch milliseconds. */
  at: z.number(),
});
export type AgentRefusalInfo = z.infer<typeof agentRefusalSchema>;

export const agentSocketSchema = z.object({
  /** The effective path (a short fallback when the wished one is too long). */
  path: z.string(),
  /** `export SSH_AUTH_SOCK='<path>'` for POSIX shells. */
  exportLine: z.string(),
  /** `IdentityAgent "<path>"` for ~/.ssh/config. */
  configSnippet: z.string(),
});

export const agentPipesSchema = z.object({
  /** `\\.\pipe\...` for Windows' OpenSSH (IdentityAgent, or SSH_AUTH_SOCK of Git for Windows). */
  openSsh: z.string().nullable(),
  /** The name PuTTY, WinSCP and FileZilla look for; null while not served. */
  pageant: z.string().nullable(),
  configSnippet: z.string().nullable(),
});

export const agentStateSchema = z.object({
  keyCount: z.number(),
  locked: z.boolean(),
  /** Null when no socket runs (not asked for, Windows, or it failed: see socketError). */
  socket: agentSocketSchema.nullable(),
  socketError: errorInfoSchema.nullable(),
  /** Windows only. */
  pipes: agentPipesSchema.nullable(),
  /** The latest refusals, newest last (kept in main so a view opened later still shows them). */
  refusals: z.array(agentRefusalSchema),
  /** The OS keychain can seal passphrases (Electron's safeStorage); false in the browser. */
  vaultAvailable: z.boolean(),
});
export type AgentStateInfo = z.infer<typeof agentStateSchema>;

export const agentAddFileSchema = z.object({
  path: z.string().trim().min(1).max(4096),
  /** Left out at first; the form asks when the answer is keys.passphraseRequired. */
  passphrase: z.string().max(1024).optional(),
  /** Ask before every use (ssh-add -c). */
  confirm: z.boolean().optional(),
  /** Remove the key after this many seconds (ssh-add -t). */
  lifetimeSeconds: z.number().int().min(1).max(MAX_AGENT_LIFETIME_SECONDS).optional(),
  /** Load this file again at every start (the passphrase is asked then). */
  remember: z.boolean().optional(),
  /**
   * With `remember`: keep the passphrase, sealed by the OS keychain, and load
   * the key at start without asking. False or left out with `remember`
   * deletes a stored one. Errors: agent.vaultUnavailable,
   * agent.storePassphraseNeedsRemember.
   */
  storePassphrase: z.boolean().optional(),
});

export const agentCalls = {
  'agent.state': call(noInput, agentStateSchema),
  'agent.list': call(noInput, z.array(agentKeySchema)),
  /** Errors: keys.passphraseRequired, keys.wrongPassphrase, keys.policyRefused, agent.keyFileUnreadable, ... */
  'agent.addFile': call(agentAddFileSchema, agentKeySchema),
  /** `forget` also drops the key's file from the keys loaded at start (and its stored passphrase). */
  'agent.remove': call(z.object({ fingerprint, forget: z.boolean().optional() }), ok),
  'agent.removeAll': call(noInput, z.object({ removed: z.number() })),
  'agent.lock': call(z.object({ passphrase: z.string().min(1).max(1024) }), ok),
  'agent.unlock': call(z.object({ passphrase: z.string().min(1).max(1024) }), ok),
  /** Forgets the refusals shown in the view. */
  'agent.dismissRefusals': call(noInput, ok),
};

export const agentEvents = {
  /** Keys added, removed, expired, lock changed: state and list together (view and tray). */
  'agent.changed': z.object({ state: agentStateSchema, keys: z.array(agentKeySchema) }),
  /** A key the agent refused (policy, unsupported type), e.g. sent by ssh-add. */
  'agent.refused': agentRefusalSchema,
};
