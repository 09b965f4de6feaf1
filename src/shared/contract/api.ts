// The shapes the renderer sees, derived from the tables: `RawApi` is what
// the preload / WebSocket bridge put on `window.fernwartung` (results as
// data, since errors lose their fields across contextBridge); `Api` is the
// same with errors thrown as ContractError.
import type { ErrorInfo } from '../errors';
import {
  callNames,
  isEventName,
  type CallInput,
  type CallName,
  type CallOutput,
  type EventName,
  type EventPayload,
  type WireResult,
} from './index';

type Namespace<K> = K extends `${infer N}.${string}` ? N : never;
type Method<K, N extends string> = K extends `${N}.${infer M}` ? M : never;
type Key<N extends string, M extends string> = `${N}.${M}` & CallName;

type Fn<K extends CallName, R> =
  Record<string, never> extends CallInput<K>
    ? (input?: CallInput<K>) => Promise<R>
    : (input: CallInput<K>) => Promise<R>;

export type EventSubscriber = <E extends EventName>(
  event: E,
  handler: (payload: EventPayload<E>) => void,
) => () => void;

export type RawApi = {
  [N in Namespace<CallName>]: {
    [M in Method<CallName, N>]: Fn<Key<N, M>, WireResult<CallOutput<Key<N, M>>>>;
  };
} & { on: EventSubscriber };

export type Api = {
  [N in Namespace<CallName>]: { [M in Method<CallName, N>]: Fn<Key<N, M>, CallOutput<Key<N, M>>> };
} & { on: EventSubscriber };

/** What a transport (IPC, WebSocket, in-process) must provide. */
export interface Transport {
  invoke(name: CallName, input: unknown): Promise<WireResult>;
  /** Receives every event; returns an unsubscribe function. */
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
}

export class ContractError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.code);
    this.name = 'ContractError';
  }
}

function splitName(name: CallName): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

function nest(make: (name: CallName) => unknown): Record<string, Record<string, unknown>> {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of callNames) {
    const [ns, method] = splitName(name);
    (api[ns] ??= {})[method] = make(name);
  }
  return api;
}

function eventHub(transport: Transport): EventSubscriber {
  const handlers = new Map<EventName, Set<(payload: never) => void>>();
  let unsubscribe: (() => void) | undefined;
  return (event, handler) => {
    if (!isEventName(event)) throw new Error(`unknown event ${String(event)}`);
    unsubscribe ??= transport.subscribe((name, payload) => {
      for (const h of handlers.get(name) ?? []) (h as (p: unknown) => void)(payload);
    });
    const set = handlers.get(event) ?? new Set();
    handlers.set(event, set);
    set.add(handler as (payload: never) => void);
    return () => set.delete(handler as (payload: never) => void);
  };
}

/** One method per call of the table, and `on` for events; nothing generic. */
export function createRawApi(transport: Transport): RawApi {
  const api = nest((name) => (input?: unknown) => transport.invoke(name, input ?? {}));
  return { ...api, on: eventHub(transport) } as unknown as RawApi;
}

/** Wraps a RawApi so that failed calls throw ContractError. */
export function unwrapApi(raw: RawApi): Api {
  const rawTable = raw as unknown as Record<string, Record<string, (input?: unknown) => Promise<WireResult>>>;
  const api = nest((name) => {
    const [ns, method] = splitName(name);
    return async (input?: unknown) => {
      const result = await rawTable[ns]![method]!(input);
      if (!result.ok) throw new ContractError(result.error);
      return result.value;
    };
  });
  return { ...api, on: raw.on } as unknown as Api;
}
