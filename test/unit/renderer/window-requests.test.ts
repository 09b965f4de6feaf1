// The window acts on the tray's requests: a profile's tab opens (a profile
// removed since the click opens nothing), the agent view shows.
import { describe, expect, it } from 'vitest';
import type { Api } from '../../../src/shared/contract/api';
import type { WindowRequest } from '../../../src/shared/contract/app';
import type { Profile } from '../../../src/shared/model/profile';
import { takeWindowRequests } from '../../../src/renderer/app/window-requests';

const profile = { id: 'p1', name: 'Gymnasium' } as Profile;

function fakeApi(requests: WindowRequest[]) {
  let listed = 0;
  const api = {
    window: { takeRequests: async () => requests },
    profiles: {
      list: async () => {
        listed++;
        return [profile];
      },
    },
  } as unknown as Api;
  return { api, listed: () => listed };
}

describe('window requests in the renderer', () => {
  it('opens the profiles asked for and shows the agent view, in order', async () => {
    const done: string[] = [];
    const { api } = fakeApi([
      { kind: 'openProfile', profileId: 'p1' },
      { kind: 'openProfile', profileId: 'gone' },
      { kind: 'showAgent' },
    ]);
    await takeWindowRequests(api, {
      openProfile: (p) => done.push(`open ${p.name}`),
      showAgent: () => done.push('agent'),
    });
    expect(done).toEqual(['open Gymnasium', 'agent']);
  });

  it('reads the profiles only when a request needs them', async () => {
    const { api, listed } = fakeApi([{ kind: 'showAgent' }]);
    await takeWindowRequests(api, { openProfile: () => {}, showAgent: () => {} });
    expect(listed()).toBe(0);
  });
});
