// The third transport: the contract called directly, for integration tests.
// Values are structured-cloned both ways, as IPC would do.
import type { Transport } from '../../shared/contract/api';
import { clonedPayload } from './cloned-payload';
import type { Dispatcher } from './dispatcher';
import type { EventBus } from './event-bus';

export function inProcessTransport(dispatcher: Dispatcher, events: EventBus): Transport {
  return {
    invoke: async (name, input) => structuredClone(await dispatcher.invoke(name, structuredClone(input))),
    subscribe: (listener) => events.subscribe((name, payload) => listener(name, cloneEvent(payload))),
  };
}

/** The event as IPC delivers it; bytes copied by clonedPayload are handed over, not copied a second time. */
function cloneEvent(payload: unknown): unknown {
  const own = clonedPayload(payload);
  if (own === payload) return structuredClone(payload);
  return structuredClone(own, { transfer: [(own as { data: Uint8Array }).data.buffer as ArrayBuffer] });
}
