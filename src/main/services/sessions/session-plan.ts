// What a session connects to: the hops (the portal, then for a Backupserver
// the backup server through it), the remote user and the key. One rule for
// saved profiles and quick connects; the Backupserver rule itself is
// shared/model/backup-target.ts, which the profile form shows too.
import type { SessionTarget } from '../../../shared/contract/sessions';
import { planBackupTarget } from '../../../shared/model/backup-target';
import type { Profile } from '../../../shared/model/profile';
import { AppError } from '../../core/app-error';
import { assertReachable, portalField } from '../profiles/backup-portal';
import type { HopSpec } from './kept-connections';

export interface SessionPlan {
  /** The profile's id, or `quick:<kind>:<host>` for a quick connect. */
  profileId: string;
  title: string;
  /** The portal first; the last hop gets the terminal. */
  hops: HopSpec[];
  keyPath: string;
  autoReconnect: boolean;
}

/** A quick connect as the profile it stands for: the settings' user, the agent's keys. */
export function quickProfile(quick: Extract<SessionTarget, { quick: unknown }>['quick']): Profile {
  const host = quick.host.trim().toLowerCase();
  return {
    id: `quick:${quick.kind}:${host}`,
    kind: quick.kind,
    name: host,
    host,
    port: 22,
    portalHost: '',
    portalPort: 22,
    user: '',
    keyPath: '',
    favourite: false,
    lastUsedAt: null,
    agentForwarding: false,
    autoReconnect: false,
  };
}

export function planSession(profile: Profile, username: string): SessionPlan {
  const base = {
    profileId: profile.id,
    title: profile.name,
    keyPath: profile.keyPath,
    autoReconnect: profile.autoReconnect,
  };
  if (profile.kind === 'portal') {
    return { ...base, hops: [{ role: 'portal', host: profile.host, port: profile.port, username }] };
  }
  assertReachable(profile);
  const plan = planBackupTarget(profile.host, portalField(profile));
  if (!plan.ok) throw new AppError('profile.hostInvalid', { host: profile.host });
  return {
    ...base,
    hops: [
      { role: 'portal', host: plan.portalHost, port: plan.portalPort, username },
      { role: 'backup', host: plan.backupHost, port: profile.port, username },
    ],
  };
}
