// A Backupserver profile's route, by the rule in shared/model/backup-target.ts
// (which the profile form shows too): checked when the profile is saved and
// used when it connects.
import { planBackupTarget, portalFieldText } from '../../../shared/model/backup-target';
import type { Profile } from '../../../shared/model/profile';
import { AppError } from '../../core/app-error';

export interface BackupRoute {
  backupHost: string;
  portalHost: string;
  portalPort: number;
}

/** Where a Backupserver profile leads; refused with the reason the form shows when the portal cannot be known. */
export function backupRoute(profile: Profile): BackupRoute {
  const plan = planBackupTarget(profile.host, portalFieldText(profile));
  if (plan.ok) return plan;
  if (plan.problem === 'portalRequired') throw new AppError('profile.portalRequired', { host: profile.host });
  throw new AppError('profile.hostInvalid', { host: profile.host });
}
