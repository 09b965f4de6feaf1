// One protocol client's conversation with the store: decoded request in,
// reply body out. Holds what OpenSSH keeps per connection (verified
// session-bind host keys) and applies ssh-agent's rules: while locked only
// UNLOCK works and the identity list is empty; everything unknown, unreadable
// or refused is FAILURE, and the connection stays usable. Any other exception
// is a bug of ours: it leaves `handle` so the connection can report it.
import { isAppError } from '../core/app-error';
import { checkKeyPolicy } from '../keys/policy';
import type { AgentKeyStore } from './key-store';
import { EXT_QUERY, EXT_SESSION_BIND, SUPPORTED_EXTENSIONS } from './protocol/constants';
import { decodeRequest, type AgentRequest } from './protocol/requests';
import * as msg from './protocol/messages';
import { isMalformedInput, ProtocolError } from './protocol/protocol-error';
import { parseSessionBind, type SessionBind } from './protocol/session-bind';
import { parseUserauthRequest } from './protocol/userauth-request';
import type { AgentClientKind, SignContext } from './types';

/** OpenSSH's limit of bindings per connection (ssh-agent.c AGENT_MAX_SESSION_IDS). */
const MAX_BINDINGS = 16;

export interface AgentSessionOptions {
  client?: AgentClientKind;
  /** Shown as the key's source when a client adds one (`ssh-add`). */
  sourceLabel?: string;
  /** Names a host from its host key fingerprint (e.g. via known_hosts), for confirm prompts. */
  resolveHostKey?: (fingerprint: string) => string | undefined;
  /** Diagnostics without secrets: message types and outcomes only. */
  debug?: (message: string) => void;
  /**
   * The stream is an agent channel a server opened over the app's own
   * connection (agent forwarding): every request is forwarded, and without a
   * binding the destination is that connection.
   */
  forwardedVia?: string;
}

export class AgentSession {
  private readonly bindings: SessionBind[] = [];

  constructor(
    private readonly store: AgentKeyStore,
    private readonly options: AgentSessionOptions = {},
  ) {}

  /** The host keys this connection was bound to, first = the host the client logged in to. */
  get boundHostKeys(): readonly SessionBind[] {
    return this.bindings;
  }

  async handle(body: Buffer): Promise<Buffer> {
    const request = decodeRequest(body);
    try {
      return await this.dispatch(request);
    } catch (error) {
      // Every refusal of the store (locked, not found, denied, policy) and
      // every refused input is a plain FAILURE on the wire; the store's
      // events tell the UI why. Anything else is a bug and goes on up.
      if (isAppError(error)) {
        this.options.debug?.(`${request.type} refused: ${error.code}`);
      } else if (isMalformedInput(error)) {
        this.options.debug?.(`${request.type} refused: ${error.message}`);
      } else {
        throw error;
      }
      return msg.failure();
    }
  }

  private async dispatch(request: AgentRequest): Promise<Buffer> {
    if (this.store.locked && request.type !== 'unlock') {
      return request.type === 'requestIdentities' ? msg.identitiesAnswer([]) : msg.failure();
    }
    switch (request.type) {
      case 'requestIdentities':
        return msg.identitiesAnswer(this.store.identities());
      case 'sign': {
        const signature = await this.store.sign(
          request.keyBlob,
          request.data,
          request.flags,
          this.signContext(request.data),
        );
        return msg.signResponse(signature.blob);
      }
      case 'addIdentity':
        return this.addIdentity(request);
      case 'removeIdentity':
        return this.store.removeByBlob(request.keyBlob) ? msg.success() : msg.failure();
      case 'removeAll':
        this.store.removeAll();
        return msg.success();
      case 'lock':
        await this.store.lock(request.passphrase);
        return msg.success();
      case 'unlock':
        await this.store.unlock(request.passphrase);
        return msg.success();
      case 'extension':
        return this.extension(request.name, request.contents);
      case 'unknown':
        this.options.debug?.(`unknown message type ${request.code}`);
        return msg.failure();
      case 'malformed':
        this.options.debug?.(`malformed message type ${request.code}: ${request.reason}`);
        return msg.failure();
    }
  }

  private addIdentity(request: Extract<AgentRequest, { type: 'addIdentity' }>): Buffer {
    const source = this.options.sourceLabel ?? 'agent protocol';
    const { material } = request;
    if (material.kind === 'unsupported') {
      const verdict = checkKeyPolicy({ type: material.type, bits: material.bits });
      // Only ED25519 and RSA are parsed, and the policy accepts only those:
      // every unsupported type is a policy refusal.
      if (!verdict.ok) {
        this.store.reportRefusal({
          type: material.type,
          bits: material.bits,
          comment: material.comment,
          source,
          error: verdict.error,
        });
      }
      return msg.failure();
    }
    this.store.add(material.key, { source, constraints: request.constraints });
    return msg.success();
  }

  private extension(name: string, contents: Buffer): Buffer {
    if (name === EXT_QUERY) return msg.queryResponse(SUPPORTED_EXTENSIONS);
    if (name === EXT_SESSION_BIND) return this.sessionBind(contents);
    return msg.failure();
  }

  /** ssh-agent's process_ext_session_bind: only verified binds, and its rules for repeats. */
  private sessionBind(contents: Buffer): Buffer {
    // Refused (unverifiable, bad signature, garbled): ProtocolError, FAILURE.
    const bind = parseSessionBind(contents);
    for (const known of this.bindings) {
      // A connection bound for authentication is final.
      if (!known.forwarding) throw new ProtocolError('connection already bound for authentication');
      if (known.sessionId.equals(bind.sessionId)) {
        if (known.hostKey.equals(bind.hostKey)) return msg.success();
        throw new ProtocolError('session id already bound to another host key');
      }
    }
    if (this.bindings.length >= MAX_BINDINGS) throw new ProtocolError('too many session bindings');
    this.bindings.push(bind);
    return msg.success();
  }

  /**
   * Who asks, for the confirm prompt. Only what the app knows itself (the
   * connection a forwarded request came through) or a verified binding names
   * the destination, and a binding only for a login of the very session it
   * bound: a replayed bind, or data that is no login, names none.
   */
  private signContext(data: Buffer): SignContext {
    const context: SignContext = { client: this.options.client ?? 'socket' };
    if (this.options.forwardedVia !== undefined) {
      context.forwarded = true;
      context.destination = this.options.forwardedVia;
    }
    if (this.bindings.some((b) => b.forwarding)) context.forwarded = true;
    // The last binding is the host that asks now (forwarded hops append).
    const current = this.bindings[this.bindings.length - 1];
    if (current && this.signsFor(current, data)) {
      context.hostKeyFingerprint = current.hostKeyFingerprint;
      context.forwarded = context.forwarded === true;
      context.destination =
        this.options.resolveHostKey?.(current.hostKeyFingerprint) ??
        `${current.hostKeyType} ${current.hostKeyFingerprint}`;
    }
    return context;
  }

  private signsFor(bind: SessionBind, data: Buffer): boolean {
    const login = parseUserauthRequest(data);
    if (!login || !login.sessionId.equals(bind.sessionId)) return false;
    return login.hostKey === null || login.hostKey.equals(bind.hostKey);
  }
}
