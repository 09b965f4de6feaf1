// The profile list's order and search, pure so they can be checked with
// thousands of profiles: favourites first, then the most recently used, then
// by name; a search matches every typed word in name or host (or portal).
import type { Profile } from '../../../shared/model/profile';

/** How many matching rows the list renders at most; the rest are counted. */
export const PROFILE_RENDER_CAP = 200;

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

export function compareProfiles(a: Profile, b: Profile): number {
  if (a.favourite !== b.favourite) return a.favourite ? -1 : 1;
  const recentA = a.lastUsedAt ?? -Infinity;
  const recentB = b.lastUsedAt ?? -Infinity;
  if (recentA !== recentB) return recentB > recentA ? 1 : -1;
  return collator.compare(a.name, b.name) || collator.compare(a.host, b.host);
}

interface IndexedProfile {
  profile: Profile;
  /** Name, host and portal in lower case, for the search. */
  key: string;
}

/** The profiles in list order with their search keys; build once per list (useMemo). */
export function indexProfiles(profiles: readonly Profile[]): IndexedProfile[] {
  return [...profiles].sort(compareProfiles).map((profile) => ({
    profile,
    key: [profile.name, profile.host, profile.portalHost].join('\n').toLowerCase(),
  }));
}

interface ProfileMatches {
  /** The first matches in list order, at most `cap`. */
  shown: Profile[];
  /** All matches, shown or not. */
  total: number;
}

/** Profiles whose name or host contains every word of `query` (case-insensitive). */
export function searchProfiles(
  index: readonly IndexedProfile[],
  query: string,
  cap = PROFILE_RENDER_CAP,
): ProfileMatches {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown: Profile[] = [];
  let total = 0;
  for (const entry of index) {
    if (!words.every((word) => entry.key.includes(word))) continue;
    total += 1;
    if (shown.length < cap) shown.push(entry.profile);
  }
  return { shown, total };
}
