// The contract between main and renderer: one table of calls, one of events.
// Each capability contributes its own file; this merges them.
import type { z } from 'zod';
import { appCalls, appEvents } from './app';
import { profileCalls, profileEvents } from './profiles';
import { sessionCalls, sessionEvents } from './sessions';
import { keyCalls, keyEvents } from './keys';
import { agentCalls, agentEvents } from './agent';
import { movingInCalls, movingInEvents } from './moving-in';
import type { ErrorInfo } from '../errors';

export const calls = {
  ...appCalls,
  ...profileCalls,
  ...sessionCalls,
  ...agentCalls,
  ...keyCalls,
  ...movingInCalls,
};
export const events = {
  ...appEvents,
  ...profileEvents,
  ...sessionEvents,
  ...agentEvents,
  ...keyEvents,
  ...movingInEvents,
};

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
/** The input after validation (defaults applied, strings trimmed). */
export type CallParsedInput<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Calls[K]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** What every transport carries back for a call. */
export type WireResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorInfo };
