// A saved connection. Portalserver: direct to a school's domain, public or
// LAN IP. Backupserver: through the portal as jump host (backup-target.ts
// holds the rule that completes host and portal). Fields added after version 1
// have defaults, so older files load unchanged.
import { z } from 'zod';

const hostnameLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

/** A DNS name, an IPv4 address or an IPv6 address. */
export function isValidHost(value: string): boolean {
  const host = value.trim();
  if (host.length === 0 || host.length > 253) return false;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host.split('.').every((part) => Number(part) <= 255);
  if (host.includes(':')) return /^[0-9a-f:.]+$/i.test(host) && host.split(':').length <= 8;
  return host.split('.').every((label) => hostnameLabel.test(label)) && !/^\d+$/.test(host);
}

export const hostSchema = z.string().trim().toLowerCase().refine(isValidHost, 'host');
export const remoteUserSchema = z
  .string()
  .trim()
  .regex(/^[a-z_][a-z0-9_.-]{0,63}$/i, 'user');

export const profileKinds = ['portal', 'backup'] as const;
export type ProfileKind = (typeof profileKinds)[number];

export const portSchema = z.number().int().min(1).max(65535);

export const profileSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.enum(profileKinds),
  name: z.string().trim().min(1, 'name').max(100),
  /** Portalserver: the server itself. Backupserver: `backup.<domain>`, a bare domain, or a private IP. */
  host: hostSchema,
  port: portSchema,
  /** Backupserver only: the portal (jump host); '' = the domain of `host`. */
  portalHost: z.union([z.literal(''), hostSchema]).default(''),
  portalPort: portSchema.default(22),
  /** '' = the default from the settings (`<prefix>-<vorname.nachname>`). */
  user: z.union([z.literal(''), remoteUserSchema]),
  /** '' = no key file of its own (the agent's keys, or the default key). */
  keyPath: z.string().max(4096),
  favourite: z.boolean().default(false),
  /** Epoch milliseconds of the last connect, for "recent first". */
  lastUsedAt: z.number().nullable().default(null),
  /** Forward the app's agent to the server (off by default: the server's root could use the keys). */
  agentForwarding: z.boolean().default(false),
  /** Reconnect a dropped session, only ever over a live kept connection (never a new DUO approval). */
  autoReconnect: z.boolean().default(false),
});
export type Profile = z.infer<typeof profileSchema>;

export const profileDraftSchema = profileSchema
  .omit({ id: true })
  .extend({ id: z.string().max(64).optional() });
export type ProfileDraft = z.infer<typeof profileDraftSchema>;

export const PROFILES_VERSION = 1;
export const profilesDocumentSchema = z.object({
  schemaVersion: z.literal(PROFILES_VERSION),
  profiles: z.array(profileSchema),
});
export type ProfilesDocument = z.infer<typeof profilesDocumentSchema>;
