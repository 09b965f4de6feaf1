// Exposes exactly the contract as `window.fernwartung`: one method per call
// of the table and `on` for events. Nothing of Electron leaks through.
import { contextBridge, ipcRenderer } from 'electron';
import { createRawApi, type Transport } from '../shared/contract/api';
import { IPC_CALL, IPC_EVENT } from '../shared/contract/ipc';
import type { EventName, WireResult } from '../shared/contract';

const transport: Transport = {
  invoke: (name, input) => ipcRenderer.invoke(IPC_CALL, name, input) as Promise<WireResult>,
  subscribe(listener) {
    const handler = (_event: Electron.IpcRendererEvent, name: EventName, payload: unknown) =>
      listener(name, payload);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
};

contextBridge.exposeInMainWorld('fernwartung', createRawApi(transport));
