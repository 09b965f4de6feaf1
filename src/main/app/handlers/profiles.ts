import { OK } from '../../../shared/contract/define';
import type { profileCalls } from '../../../shared/contract/profiles';
import type { HandlersOf } from '../../contract/dispatcher';
import type { ProfileService } from '../../services/profiles/profile-service';

export function profileHandlers(profiles: ProfileService): HandlersOf<typeof profileCalls> {
  return {
    'profiles.list': () => profiles.list(),
    'profiles.save': (draft) => profiles.save(draft),
    'profiles.remove': ({ id }) => {
      profiles.remove(id);
      return OK;
    },
  };
}
