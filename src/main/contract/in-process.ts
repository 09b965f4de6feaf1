// The third transport: the contract called directly, for integration tests.
// Values are structured-cloned both ways, as IPC would do.
import type { Transport } from '../../shared/contract/api';
import type { Dispatcher } from './dispatcher';
import { clonedPayload } from './cloned-payload';
import type { EventBus } from './event-bus';

export function inProcessTransport(dispatcher: Dispatcher, events: EventBus): Transport {
  return {
    invoke: async (name, input) => structuredClone(await dispatcher.invoke(name, structuredClone(input))),
    subscribe: (listener) =>
      events.subscribe((name, payload) => listener(name, structuredClone(clonedPayload(payload)))),
  };
}
