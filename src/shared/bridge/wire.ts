// Messages of the WebSocket bridge (headless host <-> browser). JSON, except
// that byte arrays (terminal output) travel raw: a message with bytes is one
// binary frame `[u32 header length][JSON header][bytes...]`, and each byte
// array in the header is replaced by `{"$bin":[offset,length]}`.
import type { CallName, EventName, WireResult } from '../contract';

export type ClientMessage = { t: 'call'; id: number; name: CallName; input: unknown };
export type ServerMessage =
  { t: 'result'; id: number; result: WireResult } | { t: 'event'; name: EventName; payload: unknown };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeMessage(message: ClientMessage | ServerMessage): string | Uint8Array {
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

export function decodeMessage(frame: string | Uint8Array): unknown {
  if (typeof frame === 'string') return JSON.parse(frame);
  if (frame.byteLength < 4) throw new Error('short frame');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const headerLength = view.getUint32(0);
  if (4 + headerLength > frame.byteLength) throw new Error('bad header length');
  const body = frame.subarray(4 + headerLength);
  return JSON.parse(decoder.decode(frame.subarray(4, 4 + headerLength)), (_key, value: unknown) => {
    if (value && typeof value === 'object' && '$bin' in value) {
      const [start, length] = (value as { $bin: [number, number] }).$bin;
      if (start < 0 || length < 0 || start + length > body.byteLength) throw new Error('bad byte range');
      return body.slice(start, start + length);
    }
    return value;
  });
}
