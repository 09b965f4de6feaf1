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
  /** The shell can start the app at login (the desktop app; a browser tab cannot). */
  startAtLogin: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/**
 * What the shell (the tray) asks the window to do. Kept in main until a window
 * takes it: a window opened for it has not subscribed to events yet.
 */
export const windowRequestSchema = z.discriminatedUnion('kind', [
  /** Open a session tab for a saved profile. */
  z.object({ kind: z.literal('openProfile'), profileId: z.string().min(1).max(64) }),
  /** Show the agent view (lock and unlock ask their passphrase there). */
  z.object({ kind: z.literal('showAgent') }),
]);
export type WindowRequest = z.infer<typeof windowRequestSchema>;

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
  /** The shell's waiting requests, handed to the window that asks (and so taken from the others). */
  'window.takeRequests': call(noInput, z.array(windowRequestSchema)),
};

export const appEvents = {
  'prompt.opened': promptSchema,
  'prompt.closed': z.object({ id: z.string() }),
  'app.notice': errorInfoSchema,
  /** The settings after any change (the tray's start-at-login checkbox, another window), so every window shows them. */
  'settings.changed': settingsSchema,
  /** The shell has a request waiting: take it with `window.takeRequests`. */
  'window.requested': z.object({}),
};
