// Requests from the shell's tray (open a profile's tab, show the agent view).
// They wait in main until a window takes them: on load, and whenever
// `window.requested` says a new one came.
import { useEffect, useEffectEvent } from 'react';
import type { Api } from '../../shared/contract/api';
import type { WindowRequest } from '../../shared/contract/app';
import type { Profile } from '../../shared/model/profile';

export interface WindowRequestHandlers {
  openProfile: (profile: Profile) => void;
  showAgent: () => void;
}

export async function takeWindowRequests(api: Api, handlers: WindowRequestHandlers): Promise<void> {
  const requests: WindowRequest[] = await api.window.takeRequests();
  // A profile removed since the click has nothing to open.
  const profiles = requests.some((r) => r.kind === 'openProfile') ? await api.profiles.list() : [];
  for (const request of requests) {
    if (request.kind === 'showAgent') handlers.showAgent();
    else {
      const profile = profiles.find((p) => p.id === request.profileId);
      if (profile) handlers.openProfile(profile);
    }
  }
}

export function useWindowRequests(api: Api, handlers: WindowRequestHandlers): void {
  const take = useEffectEvent(() => {
    // Nothing to tell the person if this fails: the tray click just does not open the tab.
    takeWindowRequests(api, handlers).catch(() => undefined);
  });
  useEffect(() => {
    const off = api.on('window.requested', () => take());
    take();
    return off;
  }, [api]);
}
