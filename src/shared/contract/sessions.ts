// Sessions and their terminals. Terminal output is a binary stream with
// credit-based flow control: main sends `terminal.data` chunks and stops once
// too many bytes are unacknowledged; the renderer acks bytes after xterm.js
// has processed them (`terminal.ack`).
import { z } from 'zod';
import { bytes, call, ok } from './define';
import { errorInfoSchema } from '../errors';

const sessionId = z.string().min(1).max(64);
const cols = z.number().int().min(1).max(1000);
const rows = z.number().int().min(1).max(1000);

export const sessionStates = ['connecting', 'authenticating', 'connected', 'disconnected'] as const;

export const sessionStateSchema = z.object({
  sessionId,
  profileId: z.string(),
  state: z.enum(sessionStates),
  /** Why it ended (disconnected with an error) or failed to connect. */
  error: errorInfoSchema.optional(),
  exitCode: z.number().optional(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const sessionCalls = {
  'sessions.open': call(z.object({ profileId: z.string(), cols, rows }), z.object({ sessionId })),
  'sessions.close': call(z.object({ sessionId }), ok),
  'terminal.write': call(z.object({ sessionId, data: z.string().max(1_000_000) }), ok),
  'terminal.resize': call(z.object({ sessionId, cols, rows }), ok),
  'terminal.ack': call(z.object({ sessionId, bytes: z.number().int().min(0) }), ok),
};

export const sessionEvents = {
  'session.state': sessionStateSchema,
  'terminal.data': z.object({ sessionId, data: bytes }),
};
