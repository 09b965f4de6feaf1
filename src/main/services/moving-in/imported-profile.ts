// One imported session or Host block as the app's profile, or the reason it
// cannot be one. The importers report what the source says; here it meets
// the app's rules (profile schema, the Backupserver route, absolute key paths).
import { existsSync } from 'node:fs';
import { profileSchema, type Profile } from '../../../shared/model/profile';
import type { ImportedProfile, ImportProblem, NotCarried } from '../../../shared/model/moving-in';
import { resolveUserPath } from '../../core/user-path';
import { backupRoute } from '../profiles/backup-portal';

export type ProfileCandidate =
  | { ok: true; profile: Omit<Profile, 'id'>; notCarried: NotCarried[] }
  | { ok: false; problem: ImportProblem };

const NAME_LIMIT = 100;

export function profileCandidate(imported: ImportedProfile, home: string): ProfileCandidate {
  const notCarried = [...imported.notCarried];
  const keyPath = usableKeyPath(imported.keyPath, home);
  // A key file that is not on this computer (a Windows path read on a Mac, a
  // deleted file) would make every connect fail: leave it out and say so.
  if (imported.keyPath && !keyPath)
    notCarried.push({ setting: 'keyFile', value: imported.keyPath, reason: 'fileMissing' });
  const draft = {
    id: 'candidate',
    kind: imported.kind,
    name: imported.name.trim().slice(0, NAME_LIMIT),
    host: imported.host,
    port: imported.port,
    portalHost: imported.kind === 'backup' ? imported.portalHost : '',
    portalPort: imported.kind === 'backup' ? imported.portalPort : 22,
    user: imported.user,
    keyPath,
    favourite: false,
    lastUsedAt: null,
    agentForwarding: imported.agentForwarding,
    autoReconnect: false,
  };
  const parsed = profileSchema.safeParse(draft);
  const invalid = (field: string): ProfileCandidate => ({
    ok: false,
    problem: {
      source: imported.origin.source,
      line: imported.origin.line,
      code: 'profile.invalid',
      params: { name: imported.origin.name, field },
    },
  });
  if (!parsed.success) return invalid(String(parsed.error.issues[0]?.path[0] ?? 'profile'));
  if (parsed.data.kind === 'backup') {
    let route;
    try {
      route = backupRoute(parsed.data);
    } catch {
      return invalid('portalHost');
    }
    // The app reaches `backup.<domain>` (or an address) through a portal, never
    // another name: importing `intern.schule.de` would connect elsewhere.
    if (route.backupHost !== parsed.data.host)
      return {
        ok: false,
        problem: {
          source: imported.origin.source,
          line: imported.origin.line,
          code: 'profile.jumpTargetRenamed',
          params: { name: imported.origin.name, host: parsed.data.host, backupHost: route.backupHost },
        },
      };
  }
  const { id: _id, ...profile } = parsed.data;
  return { ok: true, profile, notCarried };
}

/** The key file as an absolute path on this computer, or '' when there is none here. */
export function usableKeyPath(path: string, home: string): string {
  if (!path.trim()) return '';
  const resolved = resolveUserPath(path, home);
  return resolved && existsSync(resolved) ? resolved : '';
}

/** Same connection, whatever it is called: importing it again changes nothing. */
export function sameConnection(a: Omit<Profile, 'id'>, b: Omit<Profile, 'id'>): boolean {
  return (
    a.kind === b.kind &&
    a.host === b.host &&
    a.port === b.port &&
    a.portalHost === b.portalHost &&
    a.portalPort === b.portalPort &&
    a.user === b.user &&
    a.keyPath === b.keyPath &&
    a.agentForwarding === b.agentForwarding
  );
}
