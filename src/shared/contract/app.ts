// App-wide calls: information, settings, and answers to prompts.
import { z } from 'zod';
import { call, noInput } from './define';
import { errorInfoSchema } from '../errors';
import { settingsSchema, settingsUpdateSchema } from '../model/settings';
import { promptAnswerSchema, promptSchema } from './prompts';

export const appInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
  dataDir: z.string(),
  /** Things to tell the user once, e.g. a corrupt file that was moved aside. */
  notices: z.array(errorInfoSchema),
  /** Which shell runs the app: native dialogs exist only in Electron. */
  shell: z.enum(['electron', 'browser']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const appCalls = {
  'app.info': call(noInput, appInfoSchema),
  'settings.get': call(noInput, settingsSchema),
  'settings.update': call(settingsUpdateSchema, settingsSchema),
  /** Open prompts, for a window that (re)loads while one is waiting. */
  'prompts.pending': call(noInput, z.array(promptSchema)),
  'prompts.answer': call(
    z.object({ id: z.string(), answer: promptAnswerSchema }),
    z.object({ accepted: z.boolean() }),
  ),
  /** A native file dialog (Electron only); null when cancelled or unavailable. */
  'dialogs.openFile': call(
    z.object({ title: z.string().max(200).optional() }),
    z.object({ path: z.string().nullable() }),
  ),
};

export const appEvents = {
  'prompt.opened': promptSchema,
  'prompt.closed': z.object({ id: z.string() }),
  'app.notice': errorInfoSchema,
};
