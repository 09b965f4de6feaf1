import { describe, expect, it, vi } from 'vitest';
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

  it('sends terminal output in its short form: no JSON, and the receiver gets a view, not a copy', () => {
    const toJSON = vi.spyOn(Buffer.prototype, 'toJSON');
    const data = Buffer.from('\x1b[01;34mverzeichnis\x1b[0m\r\n');
    const frame = encodeMessage({
      t: 'event',
      name: 'terminal.data',
      payload: { sessionId: '3f1c9a4e-uuid', data },
    }) as Uint8Array;
    // Buffer.toJSON turns every byte into a number first: 55 ms of host CPU per MB.
    expect(toJSON).not.toHaveBeenCalled();
    toJSON.mockRestore();
    expect(frame.byteLength).toBe(2 + '3f1c9a4e-uuid'.length + data.byteLength);
    const decoded = decodeMessage(frame) as {
      t: string;
      name: string;
      payload: { sessionId: string; data: Uint8Array };
    };
    expect(decoded).toMatchObject({
      t: 'event',
      name: 'terminal.data',
      payload: { sessionId: '3f1c9a4e-uuid' },
    });
    expect(Buffer.from(decoded.payload.data).equals(data)).toBe(true);
    expect(decoded.payload.data.buffer).toBe(frame.buffer);
  });

  it('falls back to the general form for terminal output it cannot put in the short one', () => {
    const longId = 'x'.repeat(300);
    const frame = encodeMessage({
      t: 'event',
      name: 'terminal.data',
      payload: { sessionId: longId, data: new Uint8Array([1, 2]) },
    }) as Uint8Array;
    expect(frame[0]).toBe(0);
    const decoded = decodeMessage(frame) as { payload: { sessionId: string; data: Uint8Array } };
    expect(decoded.payload.sessionId).toBe(longId);
    expect([...decoded.payload.data]).toEqual([1, 2]);
  });

  it('rejects a short-form frame whose session id runs past its end', () => {
    expect(() => decodeMessage(new Uint8Array([1, 10, 65]))).toThrow('bad id length');
  });
});
