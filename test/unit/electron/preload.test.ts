// The preload, run against a stand-in of `electron` (no Electron binary here):
// it puts exactly the contract on the page, one name, and nothing of Electron.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { callNames } from '../../../src/shared/contract';
import { IPC_CALL, IPC_EVENT } from '../../../src/shared/contract/ipc';

type Listener = (event: unknown, ...args: unknown[]) => void;

const bridge = vi.hoisted(() => ({
  exposed: [] as Array<[string, unknown]>,
  invoked: [] as unknown[][],
  listeners: new Map<string, Set<Listener>>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (name: string, value: unknown) => bridge.exposed.push([name, value]),
  },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      bridge.invoked.push(args);
      return { ok: true, value: 'v' };
    },
    on: (channel: string, listener: Listener) => {
      const set = bridge.listeners.get(channel) ?? new Set();
      bridge.listeners.set(channel, set.add(listener));
    },
    removeListener: (channel: string, listener: Listener) => bridge.listeners.get(channel)?.delete(listener),
  },
}));

beforeAll(async () => {
  await import('../../../src/preload/index');
});

describe('the preload', () => {
  it('exposes one name, holding one method per call of the contract and `on`', () => {
    expect(bridge.exposed.map(([name]) => name)).toEqual(['fernwartung']);
    const api = bridge.exposed[0]![1] as Record<string, unknown>;
    const namespaces = [...new Set(callNames.map((name) => name.split('.')[0]))];
    expect(Object.keys(api).sort()).toEqual([...namespaces, 'on'].sort());
    const methods = Object.entries(api).flatMap(([ns, value]) =>
      ns === 'on' ? [] : Object.keys(value as object).map((m) => `${ns}.${m}`),
    );
    expect(methods.sort()).toEqual([...callNames].sort());
    // Only functions and plain namespaces: no ipcRenderer, no generic invoke or send.
    for (const [ns, value] of Object.entries(api)) {
      if (ns === 'on') expect(typeof value).toBe('function');
      else for (const fn of Object.values(value as object)) expect(typeof fn).toBe('function');
    }
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/invoke|send|ipc/i);
  });

  it('sends every call on the call channel with its name, and nothing else', async () => {
    const api = bridge.exposed[0]![1] as { app: { info: (input?: unknown) => Promise<unknown> } };
    expect(await api.app.info({})).toEqual({ ok: true, value: 'v' });
    expect(bridge.invoked).toEqual([[IPC_CALL, 'app.info', {}]]);
  });

  it('delivers events from the event channel only, without the IPC event object', () => {
    const api = bridge.exposed[0]![1] as {
      on: (event: string, handler: (payload: unknown) => void) => () => void;
    };
    const got: unknown[] = [];
    const off = api.on('prompt.closed', (payload) => got.push(payload));
    expect([...bridge.listeners.keys()]).toEqual([IPC_EVENT]);
    const sender = { senderFrame: 'secret' };
    for (const listener of bridge.listeners.get(IPC_EVENT)!) listener(sender, 'prompt.closed', { id: 'p1' });
    expect(got).toEqual([{ id: 'p1' }]);
    off();
    expect(() => api.on('no.such.event', () => {})).toThrow();
  });
});
