import { z } from 'zod';
import { call, noInput, ok } from './define';
import { profileDraftSchema, profileSchema } from '../model/profile';

export const profileCalls = {
  'profiles.list': call(noInput, z.array(profileSchema)),
  /** Creates (no id) or replaces (id) a profile. */
  'profiles.save': call(profileDraftSchema, profileSchema),
  'profiles.remove': call(z.object({ id: z.string() }), ok),
};

export const profileEvents = {};
