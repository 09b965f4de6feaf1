import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage } from '../../../src/shared/bridge/wire';

describe('bridge wire format', () => {
  it('sends plain messages as JSON text', () => {
    const frame = encodeMessage({ t: 'call', id: 1, name: 'app.info', input: {} });
    expect(typeof frame).toBe('string');
    expect(decodeMessage(frame)).toEqual({ t: 'call', id: 1, name: 'app.info', input: {} });
  });

  it('carries byte arrays and Node Buffers raw in one binary frame', () => {
    const a = new Uint8Array([0, 1, 2, 255]);
    const b = Buffer.from('hallo-welt\r\n');
    const frame = encodeMessage({
      t: 'event',
      name: 'terminal.data',
      payload: { sessionId: 's', data: b, more: [a] },
    });
    expect(frame).toBeInstanceOf(Uint8Array);
    const decoded = decodeMessage(frame) as { payload: { data: Uint8Array; more: Uint8Array[] } };
    expect(decoded.payload.data).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(decoded.payload.data)).toBe('hallo-welt\r\n');
    expect([...decoded.payload.more[0]!]).toEqual([0, 1, 2, 255]);
  });

  it('rejects frames whose ranges point outside the frame', () => {
    const frame = encodeMessage({
      t: 'event',
      name: 'terminal.data',
      payload: { data: new Uint8Array(4) },
    }) as Uint8Array;
    expect(() => decodeMessage(frame.subarray(0, frame.byteLength - 2))).toThrow('bad byte range');
    expect(() => decodeMessage(new Uint8Array([0, 0, 1, 0]))).toThrow('bad header length');
  });
});
