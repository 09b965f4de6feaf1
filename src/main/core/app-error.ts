import type { ErrorCode, ErrorInfo, ErrorParams } from '../../shared/errors';

/**
 * The one error type main code throws on purpose. It carries a code the
 * renderer translates; `message` is for logs only and never holds secrets.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    options?: { cause?: unknown },
  ) {
    super(`${code} ${JSON.stringify(params)}`, options);
    this.name = 'AppError';
  }

  toInfo(): ErrorInfo {
    return { code: this.code, params: this.params };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
