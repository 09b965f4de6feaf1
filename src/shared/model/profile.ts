// A saved connection. Portalserver: direct to a school's domain, public or
// LAN IP. (Backupserver, through the portal as jump host, comes later.)
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

export const profileKinds = ['portal'] as const;

export const profileSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.enum(profileKinds),
  name: z.string().trim().min(1, 'name').max(100),
  host: hostSchema,
  port: z.number().int().min(1).max(65535),
  /** '' = the default from the settings (`<prefix>-<vorname.nachname>`). */
  user: z.union([z.literal(''), remoteUserSchema]),
  /** '' = no key file of its own (the agent's keys, or the default key). */
  keyPath: z.string().max(4096),
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
