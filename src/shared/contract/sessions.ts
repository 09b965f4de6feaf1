// Sessions and their terminals. Terminal output is a binary stream with
// credit-based flow control: main sends `terminal.data` chunks and stops once
// too many bytes are unacknowledged; the renderer acks bytes after xterm.js
// has processed them (`terminal.ack`).
import { z } from 'zod';
import { bytes, call, ok } from './define';
import { errorInfoSchema } from '../errors';
import { hopSchema } from './prompts';
import { profileKinds } from '../model/profile';

const sessionId = z.string().min(1).max(64);
const cols = z.number().int().min(1).max(1000);
const rows = z.number().int().min(1).max(1000);

export const sessionStates = [
  'connecting',
  'authenticating',
  /** The key was accepted; the phone must approve (DUO): show the countdown and Cancel. */
  'waitingForApproval',
  'connected',
  'disconnected',
] as const;

/** An authenticated connection the app keeps, for new tabs without a new approval. */
export const keptConnectionSchema = z.object({
  id: z.string(),
  role: z.enum(['portal', 'backup']),
  host: z.string(),
  port: z.number(),
  username: z.string(),
  /** The portal connection a backup connection runs through. */
  viaId: z.string().nullable(),
  /** Epoch milliseconds. */
  connectedAt: z.number(),
  /** Terminal tabs (and backup connections) using it now. */
  users: z.number().int().min(0),
  /** While unused: when it closes (epoch ms); null while in use. */
  reusableUntil: z.number().nullable(),
});
export type KeptConnection = z.infer<typeof keptConnectionSchema>;

export const sessionStateSchema = z.object({
  sessionId,
  profileId: z.string(),
  state: z.enum(sessionStates),
  /** The hop logging in (connecting, authenticating, waitingForApproval). */
  hop: hopSchema.optional(),
  /** waitingForApproval: epoch milliseconds when this hop gives up. */
  deadline: z.number().optional(),
  /** connected: the connection the terminal runs on, and whether it was reused (no new login). */
  connection: keptConnectionSchema.optional(),
  reused: z.boolean().optional(),
  /** Why it ended (disconnected with an error) or failed to connect. */
  error: errorInfoSchema.optional(),
  exitCode: z.number().optional(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

/** A session of a saved profile, or a quick connect to a domain of a kind. */
export const sessionTargetSchema = z.union([
  z.object({ profileId: z.string().min(1).max(64) }),
  z.object({ quick: z.object({ kind: z.enum(profileKinds), host: z.string().trim().min(1).max(253) }) }),
]);

export type SessionTarget = z.infer<typeof sessionTargetSchema>;

/**
 * A session the backend runs, as a window that starts (a reload, a crash, a
 * browser tab opened again) needs it to show it again in a tab.
 */
export const liveSessionSchema = z.object({
  sessionId,
  target: sessionTargetSchema,
  profileId: z.string(),
  /** What its tab is called: the profile's name, or a quick connect's host. */
  title: z.string(),
  /** Where it connects, and as whom (the tab shows both). */
  host: z.string(),
  user: z.string(),
  autoReconnect: z.boolean(),
  /** The last state the session reported. */
  state: sessionStateSchema,
  /**
   * A view shows it now. One nobody shows is closed after a grace time unless
   * a view takes it over with `sessions.attach` (its connection is kept).
   */
  viewed: z.boolean(),
});
export type LiveSession = z.infer<typeof liveSessionSchema>;

export const sessionCalls = {
  /** Starts connecting; progress arrives as `session.state`. Quick connects use the settings' user. */
  'sessions.open': call(
    z.intersection(
      sessionTargetSchema,
      z.object({
        cols,
        rows,
        /**
         * Automatic reconnect: only over connections the app keeps, never a
         * new login (a new DUO push); fails with session.notKept otherwise.
         */
        reuseOnly: z.boolean().optional(),
      }),
    ),
    z.object({ sessionId }),
  ),
  /** Ends a session (and its login, if still running); nothing more is sent for it. */
  'sessions.close': call(z.object({ sessionId }), ok),
  /** The sessions running now (connecting or connected), in the order they were opened. */
  'sessions.list': call(z.object({}), z.array(liveSessionSchema)),
  /**
   * Makes the caller the session's view again, after the view that showed it
   * went away (a reload or crash, a closed browser tab): its output and state
   * go to the caller from now; output handed to the dead view is lost (the
   * session is not). Answers the session's last state; session.notFound once it ended.
   */
  'sessions.attach': call(z.object({ sessionId }), sessionStateSchema),
  /** Stops a login that waits (phone, prompt): the tab shows why and offers Retry. */
  'sessions.cancel': call(z.object({ sessionId }), ok),
  'connections.list': call(z.object({}), z.array(keptConnectionSchema)),
  /** Ends a kept connection (and the tabs and backup connections on it). */
  'connections.close': call(z.object({ id: z.string() }), ok),
  /**
   * After a ssh.hostKeyChanged refusal, and only on the user's explicit
   * choice: forget the stored keys of host and port, so the next connect asks
   * as for an unknown host (with the new fingerprint shown).
   */
  'knownHosts.forget': call(
    z.object({ host: z.string().min(1).max(253), port: z.number().int().min(1).max(65535) }),
    ok,
  ),
  'terminal.write': call(z.object({ sessionId, data: z.string().max(1_000_000) }), ok),
  'terminal.resize': call(z.object({ sessionId, cols, rows }), ok),
  'terminal.ack': call(z.object({ sessionId, bytes: z.number().int().min(0) }), ok),
};

export const sessionEvents = {
  'session.state': sessionStateSchema,
  'connections.changed': z.array(keptConnectionSchema),
  'terminal.data': z.object({ sessionId, data: bytes }),
};
