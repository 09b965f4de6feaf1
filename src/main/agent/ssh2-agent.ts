// The store as an ssh2 agent, in process, for the app's own connections:
// `new Client().connect({agent: new StoreAgent(store, {destination})})`.
// No socket in between, and confirm prompts name the host the app connects to.
// ssh2 is CommonJS: Node's ESM loader (the built host) sees only its default export.
import { Duplex, PassThrough } from 'node:stream';
import ssh2, { type ParsedKey, type SigningRequestOptions } from 'ssh2';
import { serveConnection } from './connection';
import type { AgentKeyStore } from './key-store';
import { SignFlags } from './protocol/constants';
import { AgentSession, type AgentSessionOptions } from './session';

type IdentityCallback = (err: Error | null, keys?: Buffer[]) => void;
type SignCallback = (err: Error | null, signature?: Buffer) => void;

export interface StoreAgentOptions {
  /** The host this connection goes to (`user@host:port` or a profile name), for confirm prompts. */
  destination?: string;
  /** Names hosts that forwarded clients bind to, as for socket clients. */
  resolveHostKey?: AgentSessionOptions['resolveHostKey'];
}

/** Two connected streams, as Node 22's `duplexPair` (Node 20 has none). */
function duplexPair(): [Duplex, Duplex] {
  const toSecond = new PassThrough();
  const toFirst = new PassThrough();
  return [
    Duplex.from({ readable: toFirst, writable: toSecond }),
    Duplex.from({ readable: toSecond, writable: toFirst }),
  ];
}

function blobOf(pubKey: ParsedKey | Buffer | string): Buffer {
  if (Buffer.isBuffer(pubKey)) return pubKey;
  if (typeof pubKey === 'string') return Buffer.from(pubKey.trim().split(/\s+/)[1] ?? '', 'base64');
  return pubKey.getPublicSSH();
}

/** ssh2 asks by hash name; the store speaks agent flags. */
function flagsForHash(hash: string | undefined): number {
  if (hash === 'sha512') return SignFlags.RSA_SHA2_512;
  if (hash === 'sha256') return SignFlags.RSA_SHA2_256;
  return 0;
}

export class StoreAgent extends ssh2.BaseAgent<Buffer> {
  constructor(
    private readonly store: AgentKeyStore,
    private readonly options: StoreAgentOptions = {},
  ) {
    super();
  }

  /**
   * Agent forwarding: ssh2 asks for a stream for each agent channel the
   * server opens, and pipes it there. It speaks the agent protocol to this
   * store as the socket does; every request is marked as forwarded, so a
   * confirm prompt says that the server asks, through which connection.
   */
  override getStream(cb: (error: Error | undefined, stream?: Duplex) => void): void {
    const [ours, theirs] = duplexPair();
    const session = new AgentSession(this.store, {
      client: 'app',
      sourceLabel: 'forwarded',
      forwardedVia: this.options.destination ?? 'forwarded',
      resolveHostKey: this.options.resolveHostKey,
    });
    serveConnection(ours, session);
    cb(undefined, theirs);
  }

  override getIdentities(cb: IdentityCallback): void {
    // Public blobs only; ssh2 parses them. Empty while locked, as over the socket.
    cb(
      null,
      this.store.identities().map((identity) => identity.blob),
    );
  }

  override sign(pubKey: Buffer, data: Buffer, options: SigningRequestOptions, cb?: SignCallback): void;
  override sign(pubKey: Buffer, data: Buffer, cb: SignCallback): void;
  override sign(
    pubKey: Buffer | ParsedKey | string,
    data: Buffer,
    optionsOrCb: SigningRequestOptions | SignCallback,
    maybeCb?: SignCallback,
  ): void {
    const cb = typeof optionsOrCb === 'function' ? optionsOrCb : maybeCb;
    const options = typeof optionsOrCb === 'function' ? {} : optionsOrCb;
    if (!cb) return;
    const context = {
      client: 'app' as const,
      ...(this.options.destination ? { destination: this.options.destination } : {}),
    };
    this.store
      .sign(blobOf(pubKey), data, flagsForHash(options.hash), context)
      // ssh2 wants the bare signature; it adds the algorithm framing itself.
      .then((signature) => cb(null, signature.raw))
      .catch((error: unknown) => cb(error instanceof Error ? error : new Error(String(error))));
  }
}
