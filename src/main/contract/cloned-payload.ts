// Events reach the renderer by structured clone in Electron's IPC (and in the
// in-process transport that stands in for it), and a clone copies the whole
// memory behind a byte view: ssh2's output chunks are views into a packet's
// memory, small Buffer.concat results views into Node's 8 KiB pool, so a few
// bytes of echo cost 8–64 KiB (288 MiB of output went as 3 GiB of clones in
// the soak, test/integration/soak/). The WebSocket bridge encodes the bytes
// themselves and needs none of this.

/** The payload with its `data` bytes in memory of their own size, when they are a view into more. */
export function clonedPayload(payload: unknown): unknown {
  const data = (payload as { data?: unknown } | null)?.data;
  if (!(data instanceof Uint8Array)) return payload;
  if (data.byteOffset === 0 && data.byteLength === data.buffer.byteLength) return payload;
  return { ...(payload as object), data: new Uint8Array(data) };
}
