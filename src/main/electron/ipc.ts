// The Electron transport of the contract. Every call is checked: it must come
// from the main frame of our window showing the app's own page; events go
// only to that frame.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { WireResult } from '../../shared/contract';
import { IPC_CALL, IPC_EVENT } from '../../shared/contract/ipc';
import type { Dispatcher } from '../contract/dispatcher';
import type { EventBus } from '../contract/event-bus';
import { clonedPayload } from '../contract/cloned-payload';

export interface SenderFacts {
  /** URL of the frame that sent the call (null when the frame is gone). */
  frameUrl: string | null;
  /** Whether it is the top frame of its window. */
  isMainFrame: boolean;
  /** Whether the sender is the web contents of our window. */
  isOurWindow: boolean;
}

export function isTrustedSender(facts: SenderFacts, isAppUrl: (url: string) => boolean): boolean {
  return facts.isOurWindow && facts.isMainFrame && facts.frameUrl !== null && isAppUrl(facts.frameUrl);
}

/** Whether our window's main frame shows the app's page, so an event may go there. */
export function eventReceiverTrusted(
  contents: Pick<WebContents, 'mainFrame'>,
  isAppUrl: (url: string) => boolean,
): boolean {
  const url = contents.mainFrame?.url;
  return typeof url === 'string' && isAppUrl(url);
}

export const refusedSender: WireResult = {
  ok: false,
  error: { code: 'invalidInput', params: { detail: 'sender' } },
};

export function senderFacts(event: IpcMainInvokeEvent, ours: () => WebContents | undefined): SenderFacts {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    isOurWindow: event.sender === ours(),
  };
}

export function registerContractIpc(options: {
  ipcMain: IpcMain;
  dispatcher: Dispatcher;
  events: EventBus;
  window: () => WebContents | undefined;
  isAppUrl: (url: string) => boolean;
}): () => void {
  const { ipcMain, dispatcher, events } = options;
  ipcMain.handle(IPC_CALL, (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(senderFacts(event, options.window), options.isAppUrl)) return refusedSender;
    return dispatcher.invoke(name, input);
  });
  // Events go to our window only, and only while its main frame shows the app's page.
  const unsubscribe = events.subscribe((name, payload) => {
    const contents = options.window();
    if (contents && !contents.isDestroyed() && eventReceiverTrusted(contents, options.isAppUrl)) {
      contents.send(IPC_EVENT, name, clonedPayload(payload));
    }
  });
  return () => {
    ipcMain.removeHandler(IPC_CALL);
    unsubscribe();
  };
}
