// Malformed or refused input: the agent answers FAILURE and the connection
// stays usable. It extends the wire reader's WireError, so callers catch both
// (a short read and a broken rule) as one. Anything else thrown while a
// request is decoded or served is a bug of ours, never "malformed": it
// surfaces (logged, connection closed) instead of hiding behind a FAILURE.
import { WireError } from '../../core/wire';

export class ProtocolError extends WireError {
  override name = 'ProtocolError';
}

/** The client's input, not our code, failed: a short read, a broken rule, or a refused bind. */
export function isMalformedInput(error: unknown): error is WireError {
  return error instanceof WireError;
}

/**
 * node:crypto refused numbers a client sent (an invalid JWK, an OpenSSL
 * error): malformed input. A TypeError of our own code has no such code.
 */
export function isCryptoRejection(error: unknown): boolean {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^ERR_(OSSL|CRYPTO)_/.test(code);
}
