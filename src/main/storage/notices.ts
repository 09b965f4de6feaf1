// Things the user must hear about from start-up (e.g. a corrupt file moved
// aside). Shown once in the UI; `detail` goes to the log only.
import type { ErrorInfo } from '../../shared/errors';

export interface StorageNotice extends ErrorInfo {
  /** A word for the log (`notJson`, `schemaMismatch`, `EACCES`), never a parser's message. */
  detail?: string;
}
