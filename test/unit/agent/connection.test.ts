// serveConnection: a bug while serving a request (an exception that is not a
// refusal of the client's input) is reported and closes that connection; it
// is never answered FAILURE as if the client had sent something malformed.
import { Duplex, PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { serveConnection, type CloseReason } from '../../../src/main/agent/connection';
import { frame } from '../../../src/main/agent/protocol/framing';
import * as msg from '../../../src/main/agent/protocol/messages';
import { AgentKeyStore } from '../../../src/main/agent/key-store';
import { AgentSession } from '../../../src/main/agent/session';

function pair(): { ours: Duplex; client: Duplex; received: Buffer[] } {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const received: Buffer[] = [];
  const client = Duplex.from({ readable: toClient, writable: toServer });
  client.on('data', (chunk: Buffer) => received.push(chunk));
  client.on('error', () => undefined);
  return { ours: Duplex.from({ readable: toServer, writable: toClient }), client, received };
}

describe('serveConnection', () => {
  it('answers malformed input with FAILURE and keeps the connection', async () => {
    const { ours, client, received } = pair();
    const onBug = vi.fn();
    serveConnection(ours, new AgentSession(new AgentKeyStore()), { onBug });
    client.write(frame(Buffer.from([13, 0, 0, 0, 9]))); // truncated SIGN_REQUEST
    client.write(frame(msg.requestIdentities()));
    await vi.waitFor(() => expect(Buffer.concat(received).length).toBe(5 + 9));
    expect(Buffer.concat(received).subarray(0, 5).toString('hex')).toBe('0000000105');
    expect(onBug).not.toHaveBeenCalled();
    expect(ours.destroyed).toBe(false);
  });

  it('reports a bug with the message type and closes the connection without a reply', async () => {
    const { ours, client, received } = pair();
    const store = new AgentKeyStore();
    const bug = new TypeError("Cannot read properties of undefined (reading 'blob')");
    vi.spyOn(store, 'identities').mockImplementation(() => {
      throw bug;
    });
    const bugs: [unknown, number][] = [];
    const closed: CloseReason[] = [];
    serveConnection(ours, new AgentSession(store), {
      onBug: (error, type) => bugs.push([error, type]),
      onClose: (reason) => closed.push(reason),
    });
    client.write(frame(msg.extension('query')));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    client.write(frame(msg.requestIdentities()));
    await vi.waitFor(() => expect(closed).toEqual(['bug']));
    expect(bugs).toEqual([[bug, 11]]);
    expect(ours.destroyed).toBe(true);
    // Only the answer to `query`; nothing for the request that met the bug.
    expect(Buffer.concat(received)[4]).toBe(29);
    expect(received).toHaveLength(1);
  });
});
