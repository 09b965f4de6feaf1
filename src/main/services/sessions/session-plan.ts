// What a session connects to: its hops (the portal, then for a Backupserver
// the backup server through it), one rule for saved profiles and quick
// connects.
import type { SessionTarget } from '../../../shared/contract/sessions';
import { profileSchema, type Profile } from '../../../shared/model/profile';
import { backupRoute } from '../profiles/backup-portal';
import type { HopSpec } from './kept-connections';

/** A quick connect as the profile it stands for: port 22, the settings' user, the agent's keys. */
export function quickProfile(quick: Extract<SessionTarget, { quick: unknown }>['quick']): Profile {
  const host = quick.host.trim().toLowerCase();
  // The schema fills in every other field with its default.
  return profileSchema.parse({
    id: `quick:${quick.kind}:${host}`,
    kind: quick.kind,
    name: host,
    host,
    port: 22,
    user: '',
    keyPath: '',
  });
}

/** The portal first; the last hop gets the terminal. */
export function planHops(profile: Profile, username: string): HopSpec[] {
  // The agent goes only to the server the terminal runs on, never to a portal on the way.
  const agentForward = profile.agentForwarding;
  if (profile.kind === 'portal')
    return [{ role: 'portal', host: profile.host, port: profile.port, username, agentForward }];
  const route = backupRoute(profile);
  return [
    { role: 'portal', host: route.portalHost, port: route.portalPort, username, agentForward: false },
    { role: 'backup', host: route.backupHost, port: profile.port, username, agentForward },
  ];
}
