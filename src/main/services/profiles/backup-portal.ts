// A Backupserver profile's portal, as the rule in shared/model/backup-target.ts
// completes it: checked when the profile is saved and when it connects.
import { planBackupTarget } from '../../../shared/model/backup-target';
import type { Profile } from '../../../shared/model/profile';
import { AppError } from '../../core/app-error';

/** `host:port` as the portal field takes it ('' when the portal is derived). */
export function portalField(profile: Pick<Profile, 'portalHost' | 'portalPort'>): string {
  if (!profile.portalHost) return '';
  const host = profile.portalHost.includes(':') ? `[${profile.portalHost}]` : profile.portalHost;
  return `${host}:${profile.portalPort}`;
}

/** Refuses a Backupserver profile whose portal cannot be known, with the reason the form shows. */
export function assertReachable(profile: Profile): void {
  if (profile.kind !== 'backup') return;
  const plan = planBackupTarget(profile.host, portalField(profile));
  if (plan.ok) return;
  if (plan.problem === 'portalRequired') throw new AppError('profile.portalRequired', { host: profile.host });
  throw new AppError('profile.hostInvalid', { host: profile.host });
}
