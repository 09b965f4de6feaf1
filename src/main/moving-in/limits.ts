// The longest texts the findings' schemas allow (src/shared/model/moving-in.ts).
// A damaged or hand-made file can hold longer ones (lines run together, a
// pasted blob) where no real name, host or path is that long. A profile's
// texts are cut to fit: the service then refuses a cut host or user as it
// refuses any other bad value, and names are cut for display anyway. Host
// keys are never cut, since a key must not be trusted for a name it was not
// stored under: the importers report a host key that does not fit instead.
import {
  importedHostKeySchema,
  importedKeyFileSchema,
  importedProfileSchema,
  notCarriedSchema,
  type ImportedProfile,
} from '../../shared/model/moving-in';

const limitOf = (schema: { maxLength: number | null }) => schema.maxLength ?? Infinity;

/**
 * What one profile lists as not carried. No real Host block or session comes
 * near it; a damaged config can name thousands of SendEnv variables for
 * thousands of aliases, which listed in full took seconds and gigabytes.
 */
export const NOT_CARRIED_LIMIT = 100;

export const HOST_KEY_HOST_LIMIT = limitOf(importedHostKeySchema.shape.host.unwrap());
export const HOST_KEY_BASE64_LIMIT = limitOf(importedHostKeySchema.shape.keyBase64);

const profile = importedProfileSchema.shape;
const cut = (text: string, schema: { maxLength: number | null }) => text.slice(0, limitOf(schema));

export function profileWithinLimits(found: ImportedProfile): ImportedProfile {
  return {
    ...found,
    origin: { ...found.origin, name: cut(found.origin.name, profile.origin.shape.name) },
    name: cut(found.name, profile.name),
    host: cut(found.host, profile.host),
    portalHost: cut(found.portalHost, profile.portalHost),
    user: cut(found.user, profile.user),
    keyPath: cut(found.keyPath, profile.keyPath),
    notCarried: found.notCarried.slice(0, NOT_CARRIED_LIMIT).map((item) => ({
      ...item,
      value: cut(item.value, notCarriedSchema.shape.value),
    })),
  };
}

export function keyFilePathWithinLimits(path: string): string {
  return cut(path, importedKeyFileSchema.shape.path);
}
