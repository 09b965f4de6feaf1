// Turns what ssh2, node:net and node:dns throw into AppErrors the user can
// read. Pure: the connect code decides *when* an error is final, this file
// only decides *what* it means.
import { AppError, isAppError } from '../core/app-error';

export interface ErrorContext {
  /** The host as the user typed it. */
  host: string;
  port: number;
  username?: string;
  /** The connect-phase timeout, for the timeout message. */
  timeoutMs?: number;
  /** Keepalive interval × count: how long the link was silent before it was given up. */
  keepaliveMs?: number;
}

interface NodeLikeError {
  message?: unknown;
  code?: unknown;
  level?: unknown;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
const DISCONNECT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_DESTROYED']);

// ssh2's wording when negotiation fails, and node:crypto's when the crypto
// library lacks an algorithm ("Unknown DH group", "Unknown cipher", "Invalid EC
// curve name", "Digest method not supported": checked with Node 20 here). That
// Electron's BoringSSL fails with the same messages (the field notes saw
// "Unknown DH group") cannot be verified on this machine, which cannot run Electron.
const ALGORITHM_PATTERNS = [
  /no matching (key exchange|host key|C->S|S->C)/i,
  /unknown (dh group|cipher|curve|digest|message digest)/i,
  /invalid ec curve name/i,
  /unsupported algorithm/i,
  /(cipher|curve|algorithm|digest)( method)? (is )?not supported/i,
];

export function describeCause(error: unknown): string {
  const e = (error ?? {}) as NodeLikeError;
  const message = typeof e.message === 'string' ? e.message : String(error);
  // Messages from ssh2 and node never contain key material or passphrases,
  // but keep them short for the UI.
  return message.slice(0, 200);
}

/**
 * ssh2 reports a failing agent or signature as 'error' but goes on with the
 * next method: only the final verdict ("all methods failed") ends a login.
 */
export function isSoftAuthError(error: { level?: unknown; message?: unknown }): boolean {
  const message = typeof error.message === 'string' ? error.message : '';
  return (
    error.level === 'agent' ||
    (error.level === 'client-authentication' && !/authentication methods failed/i.test(message))
  );
}

/** Maps a private-key parse error from ssh2's `utils.parseKey`. */
export function mapKeyParseError(error: Error, ctx: ErrorContext): AppError {
  const base = { host: ctx.host, port: ctx.port };
  if (/bad passphrase|integrity check failed|bad decrypt/i.test(error.message))
    return new AppError('ssh.wrongPassphrase', base, { cause: error });
  if (/no passphrase given/i.test(error.message))
    return new AppError('ssh.passphraseRequired', base, { cause: error });
  return new AppError('ssh.keyUnreadable', { ...base, detail: describeCause(error) }, { cause: error });
}

export function mapSshError(error: unknown, ctx: ErrorContext): AppError {
  if (isAppError(error)) return error;
  const e = (error ?? {}) as NodeLikeError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const level = typeof e.level === 'string' ? e.level : undefined;
  const message = typeof e.message === 'string' ? e.message : '';
  const base = { host: ctx.host, port: ctx.port };
  const detail = describeCause(error);

  if (code && DNS_CODES.has(code)) return new AppError('ssh.hostNotFound', base, { cause: error });
  if (code === 'ECONNREFUSED') return new AppError('ssh.connectionRefused', base, { cause: error });
  if (code && UNREACHABLE_CODES.has(code)) return new AppError('ssh.hostUnreachable', base, { cause: error });
  // ssh2's keepalive gave up: the link stalled (keepaliveCountMax pings unanswered).
  if (/keepalive timeout/i.test(message))
    return new AppError(
      'ssh.keepaliveTimeout',
      { ...base, seconds: Math.max(1, Math.round((ctx.keepaliveMs ?? 0) / 1000)) },
      { cause: error },
    );
  if (code === 'ETIMEDOUT' || level === 'client-timeout' || /timed out/i.test(message))
    return new AppError(
      'ssh.timeout',
      { ...base, seconds: Math.max(1, Math.ceil((ctx.timeoutMs ?? 0) / 1000)) },
      { cause: error },
    );
  if (ALGORITHM_PATTERNS.some((p) => p.test(message)))
    return new AppError('ssh.algorithmUnsupported', { ...base, detail }, { cause: error });
  if (/host denied/i.test(message))
    return new AppError('ssh.hostKeyRejected', { ...base, fingerprint: '' }, { cause: error });
  if (level === 'client-authentication' && /authentication methods failed/i.test(message))
    return new AppError('ssh.authFailed', { ...base, username: ctx.username ?? '' }, { cause: error });
  if (/Cannot parse privateKey/i.test(message) && error instanceof Error) return mapKeyParseError(error, ctx);
  // ssh2 gives a server's DISCONNECT message a numeric reason code.
  if (
    typeof e.code === 'number' ||
    (code && DISCONNECT_CODES.has(code)) ||
    /connection lost|not connected|no response from server/i.test(message)
  )
    return new AppError('ssh.disconnected', { ...base, detail }, { cause: error });
  return new AppError('ssh.protocolError', { ...base, detail }, { cause: error });
}
