import { describe, expect, it } from 'vitest';
import { clonedPayload } from '../../../src/main/contract/cloned-payload';
import { EventBus } from '../../../src/main/contract/event-bus';
import { inProcessTransport } from '../../../src/main/contract/in-process';

describe('clonedPayload', () => {
  it('puts bytes that are a view into more memory into memory of their own size, so a structured clone copies only them', () => {
    // ssh2's chunks are views into its packet's memory; small concat results into Node's pool.
    const packet = Buffer.alloc(64 * 1024, 0x61);
    const fromPacket = clonedPayload({ sessionId: 's1', data: packet.subarray(100, 103) }) as {
      data: Uint8Array;
    };
    const fromPool = clonedPayload({
      sessionId: 's1',
      data: Buffer.concat([Buffer.from('x'), Buffer.from('yz')]),
    }) as {
      data: Uint8Array;
    };
    expect(Buffer.from(fromPacket.data).toString()).toBe('aaa');
    expect(Buffer.from(fromPool.data).toString()).toBe('xyz');
    for (const { data } of [fromPacket, fromPool]) expect(data.buffer.byteLength).toBe(data.length);
    expect(fromPacket).toMatchObject({ sessionId: 's1' });
  });

  it('hands over as it is what owns its memory or carries no bytes', () => {
    const whole = { sessionId: 's1', data: new Uint8Array(16) };
    expect(clonedPayload(whole)).toBe(whole);
    const state = { sessionId: 's1', state: 'connected' };
    expect(clonedPayload(state)).toBe(state);
    expect(clonedPayload(undefined)).toBeUndefined();
  });

  it('is what the in-process transport clones, as IPC does', () => {
    const events = new EventBus();
    const got: Uint8Array[] = [];
    inProcessTransport({ invoke: async () => ({ ok: true, value: null }) }, events).subscribe(
      (_name, payload) => got.push((payload as { data: Uint8Array }).data),
    );
    events.emit('terminal.data', { sessionId: 's1', data: Buffer.alloc(8192, 0x62).subarray(0, 2) });
    expect(got[0]!.buffer.byteLength).toBe(2);
  });
});
