// The store as an ssh2 agent, in process, for the app's own connections:
// `new Client().connect({agent: new StoreAgent(store, {destination})})`.
// No socket in between, and confirm prompts name the host the app connects to.
// ssh2 is CommonJS: Node's ESM loader (the built host) sees only its default export.
import ssh2, { type ParsedKey, type SigningRequestOptions } from 'ssh2';
import type { AgentKeyStore } from './key-store';
import { SignFlags } from './protocol/constants';

type IdentityCallback = (err: Error | null, keys?: Buffer[]) => void;
type SignCallback = (err: Error | null, signature?: Buffer) => void;

export interface StoreAgentOptions {
  /** The host this connection goes to (`user@host:port` or a profile name), for confirm prompts. */
  destination?: string;
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
