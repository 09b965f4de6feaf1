// The headless host's contract from Node over the real WebSocket bridge, as
// the page's worker speaks it (Origin, the token first), keeping every frame
// the host sends (results and events, JSON and binary) byte for byte: what the
// renderer would have been given.
import { connectBridge, type BridgeClient } from '../../../e2e/fixtures/bridge-client';
import type { Place } from './secret-search';

export interface RecordingBridge extends BridgeClient {
  /** Every frame from the host after `ready`, named by what it carried (e.g. `event terminal.data`). */
  frames: Place[];
}

export async function connectRecordingBridge(url: string, label: string): Promise<RecordingBridge> {
  const frames: Place[] = [];
  const bridge = await connectBridge(
    { url, origin: new URL(url).origin },
    {
      onFrame: (data, message) => {
        const what = message.t === 'result' ? `result of call ${message.id}` : `event ${message.name}`;
        frames.push({ name: `${label} frame ${frames.length + 1} (${what})`, bytes: Buffer.from(data) });
      },
    },
  );
  return { ...bridge, frames };
}
