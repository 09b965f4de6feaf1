// Messages of the WebSocket bridge (headless host <-> browser). JSON text,
// except two binary forms, told apart by their first byte:
// - terminal output, the hot path: `[0x01][u8 id length][session id][bytes]`.
//   No JSON either way, and the receiver gets a view into the frame, not a
//   copy. (Through JSON.stringify a Node Buffer is first turned into an array
//   of numbers by its toJSON, whatever a replacer does: 55 ms of host CPU per
//   MB, measured, for nothing.)
// - any other message holding byte arrays: `[u32 header length][JSON header][bytes...]`,
//   each byte array in the header replaced by `{"$bin":[offset,length]}`. Its
//   first byte is 0, since headers are far below 16 MiB.
import type { CallName, EventName, WireResult } from '../contract';

export type ClientMessage = { t: 'call'; id: number; name: CallName; input: unknown };
export type ServerMessage =
  { t: 'result'; id: number; result: WireResult } | { t: 'event'; name: EventName; payload: unknown };

const TERMINAL_DATA = 0x01;
const MAX_ID_BYTES = 255;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Terminal output as one binary frame, or undefined when it does not fit the short form. */
function encodeTerminalData(payload: unknown): Uint8Array | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { sessionId, data, ...rest } = payload as { sessionId?: unknown; data?: unknown };
  if (typeof sessionId !== 'string' || !(data instanceof Uint8Array) || Object.keys(rest).length > 0)
    return undefined;
  const id = encoder.encode(sessionId);
  if (id.byteLength > MAX_ID_BYTES) return undefined;
  const frame = new Uint8Array(2 + id.byteLength + data.byteLength);
  frame[0] = TERMINAL_DATA;
  frame[1] = id.byteLength;
  frame.set(id, 2);
  frame.set(data, 2 + id.byteLength);
  return frame;
}

export function encodeMessage(message: ClientMessage | ServerMessage): string | Uint8Array {
  if (message.t === 'event' && message.name === 'terminal.data') {
    const frame = encodeTerminalData(message.payload);
    if (frame) return frame;
  }
  const parts: Uint8Array[] = [];
  let offset = 0;
  // `this[key]` is the value before toJSON: a Node Buffer would otherwise
  // arrive here already turned into `{type: 'Buffer', data: [...]}`.
  const json = JSON.stringify(message, function (this: Record<string, unknown>, key, value: unknown) {
    const original = this[key];
    if (!(original instanceof Uint8Array)) return value;
    parts.push(original);
    const ref = { $bin: [offset, original.byteLength] };
    offset += original.byteLength;
    return ref;
  });
  if (parts.length === 0) return json;
  const header = encoder.encode(json);
  const frame = new Uint8Array(4 + header.byteLength + offset);
  new DataView(frame.buffer).setUint32(0, header.byteLength);
  frame.set(header, 4);
  let at = 4 + header.byteLength;
  for (const part of parts) {
    frame.set(part, at);
    at += part.byteLength;
  }
  return frame;
}

/** Byte arrays in the result are views into `frame`: the caller hands over the frame. */
export function decodeMessage(frame: string | Uint8Array): unknown {
  if (typeof frame === 'string') return JSON.parse(frame);
  if (frame.byteLength >= 2 && frame[0] === TERMINAL_DATA) {
    const idEnd = 2 + frame[1]!;
    if (idEnd > frame.byteLength) throw new Error('bad id length');
    return {
      t: 'event',
      name: 'terminal.data',
      payload: { sessionId: decoder.decode(frame.subarray(2, idEnd)), data: frame.subarray(idEnd) },
    };
  }
  if (frame.byteLength < 4) throw new Error('short frame');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const headerLength = view.getUint32(0);
  if (4 + headerLength > frame.byteLength) throw new Error('bad header length');
  const body = frame.subarray(4 + headerLength);
  return JSON.parse(decoder.decode(frame.subarray(4, 4 + headerLength)), (_key, value: unknown) => {
    if (value && typeof value === 'object' && '$bin' in value) {
      const [start, length] = (value as { $bin: [number, number] }).$bin;
      if (start < 0 || length < 0 || start + length > body.byteLength) throw new Error('bad byte range');
      return body.subarray(start, start + length);
    }
    return value;
  });
}
