// The Electron transport's checks, in Node (no Electron binary here): calls only
// from our window's main frame on the app page, events only to it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventReceiverTrusted, isTrustedSender, registerContractIpc } from '../../../src/main/electron/ipc';
import { EventBus } from '../../../src/main/contract/event-bus';
import { IPC_CALL, IPC_EVENT } from '../../../src/shared/contract/ipc';

describe('IPC sender checks', () => {
  const isApp = (url: string) => url === 'app://fernwartung/index.html';
  it('sends events only to a main frame showing the app page', () => {
    expect(eventReceiverTrusted({ mainFrame: { url: 'app://fernwartung/index.html' } } as never, isApp)).toBe(
      true,
    );
    expect(eventReceiverTrusted({ mainFrame: { url: 'https://evil.example/' } } as never, isApp)).toBe(false);
    expect(eventReceiverTrusted({ mainFrame: null } as never, isApp)).toBe(false);
  });

  it('trusts only the main frame of our window on the app page', () => {
    const good = { frameUrl: 'app://fernwartung/index.html', isMainFrame: true, isOurWindow: true };
    expect(isTrustedSender(good, isApp)).toBe(true);
    expect(isTrustedSender({ ...good, isMainFrame: false }, isApp)).toBe(false);
    expect(isTrustedSender({ ...good, isOurWindow: false }, isApp)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: 'https://evil.example/' }, isApp)).toBe(false);
    expect(isTrustedSender({ ...good, frameUrl: null }, isApp)).toBe(false);
  });

  it('dispatches trusted calls, refuses others, and forwards events', async () => {
    type Handler = (event: unknown, name: unknown, input: unknown) => unknown;
    const handlers = new Map<string, Handler>();
    const sent: unknown[][] = [];
    const mainFrame = { url: 'app://fernwartung/index.html' };
    let destroyed = false;
    const contents = {
      mainFrame,
      isDestroyed: () => destroyed,
      send: (...args: unknown[]) => sent.push(args),
    };
    const ipcMain = {
      handle: (ch: string, h: Handler) => handlers.set(ch, h),
      removeHandler: (ch: string) => handlers.delete(ch),
    };
    const events = new EventBus();
    const calls: unknown[] = [];
    const dispose = registerContractIpc({
      ipcMain: ipcMain as never,
      dispatcher: { invoke: async (name, input) => (calls.push([name, input]), { ok: true, value: 1 }) },
      events,
      window: () => contents as never,
      isAppUrl: isApp,
    });
    const handle = handlers.get(IPC_CALL)!;
    expect(await handle({ sender: contents, senderFrame: mainFrame }, 'app.info', {})).toEqual({
      ok: true,
      value: 1,
    });
    const subFrame = { url: 'app://fernwartung/index.html' };
    expect(await handle({ sender: contents, senderFrame: subFrame }, 'app.info', {})).toMatchObject({
      ok: false,
    });
    expect(await handle({ sender: {}, senderFrame: mainFrame }, 'app.info', {})).toMatchObject({ ok: false });
    // A frame that is gone has no URL: refused.
    expect(await handle({ sender: contents, senderFrame: null }, 'app.info', {})).toMatchObject({
      ok: false,
    });
    expect(calls).toEqual([['app.info', {}]]);
    events.emit('prompt.closed', { id: 'p1' });
    expect(sent).toEqual([[IPC_EVENT, 'prompt.closed', { id: 'p1' }]]);
    // Output bytes that are a view into ssh2's packet go in memory of their own (the clone copies all of it).
    events.emit('terminal.data', { sessionId: 's1', data: Buffer.alloc(64 * 1024, 0x61).subarray(100, 103) });
    const data = (sent.pop()![2] as { data: Uint8Array }).data;
    expect(Buffer.from(data).toString()).toBe('aaa');
    expect(data.buffer.byteLength).toBe(3);
    // Should the main frame ever show another page, events stop going there.
    mainFrame.url = 'https://evil.example/';
    events.emit('prompt.closed', { id: 'p2' });
    expect(sent).toHaveLength(1);
    mainFrame.url = 'app://fernwartung/index.html';
    destroyed = true;
    events.emit('prompt.closed', { id: 'p3' });
    expect(sent).toHaveLength(1);
    dispose();
    expect(handlers.size).toBe(0);
  });
});

describe('IPC in the sources', () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
    });
  }

  it('goes through ipc.ts and the preload only, so no message escapes the sender check', () => {
    const users = files('src')
      .filter((file) => /\bipc(Main|Renderer)\b|\bMessageChannelMain\b/.test(readFileSync(file, 'utf8')))
      .map((file) => file.replace(/\\/g, '/'))
      .filter((file) => file !== 'src/main/electron/index.ts'); // passes ipcMain to registerContractIpc
    expect(users.sort()).toEqual(['src/main/electron/ipc.ts', 'src/preload/index.ts']);
    // index.ts hands ipcMain over and registers nothing itself.
    expect(readFileSync('src/main/electron/index.ts', 'utf8')).not.toMatch(/ipcMain\.(handle|on|once)\b/);
    // And the page gets one thing from the preload, the contract.
    const bridges = files('src').filter((file) =>
      /\bcontextBridge\.|\bexposeInMain\w*World\b/.test(readFileSync(file, 'utf8')),
    );
    expect(bridges.map((file) => file.replace(/\\/g, '/'))).toEqual(['src/preload/index.ts']);
  });
});
