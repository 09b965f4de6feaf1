// Logging, safe by construction. A log line is a fixed text, written as a
// string literal in the code, and named fields of allow-listed kinds: no free
// objects, no error messages, no parse messages, no file content. So a
// passphrase, a DUO passcode, a private key, a token or a settings file's
// content has no way into a log line, short of naming a field after what it
// is not. `test/unit/core/log.test.ts` feeds secrets through every field.
//
// Written through electron-log (the only importers of it are this file and
// electron/main-log.ts). In plain Node (headless host, tests) the console
// transport writes to stderr: the host's stdout carries only `KEY=value` lines.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import log from 'electron-log/node';
import { isAppError } from './app-error';

/** What a log line may carry besides its fixed text. */
export interface LogFields {
  /** An error or result code: an AppError's code, Node's `error.code`, an exception's class name. */
  code?: string;
  /** A contract call's or event's name. */
  call?: string;
  /** A host name or address as the user typed it. */
  host?: string;
  port?: number;
  /** A file's name without its folder. */
  file?: string;
  /** A folder or socket the app itself chose (its data folder, its agent socket). */
  path?: string;
  /** A protocol message type. */
  type?: number;
  /** A key's size. */
  bits?: number;
  /** Who asked, as a label the app chose (`ssh-add`, `Pageant`, `app`). */
  source?: string;
  count?: number;
  bytes?: number;
  /** A version number. */
  version?: string;
  /** A word from a small set the caller chose (`'token'`, `'SIGTERM'`, `'fallback'`). */
  reason?: string;
  /** Where a bug of ours happened: stack frames only (`stackOf`), never the message. */
  where?: string;
}

/**
 * A string literal, not a computed string: `log.warn(\`… ${x}\`)` does not
 * type-check, so whatever varies goes into a field. (A template literal's
 * type, such as \`a ${string}\`, is satisfied by `{}` as a record key type,
 * as `string` is; a plain literal is not.)
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type LogText<T extends string> = {} extends Record<T, 1> ? never : T;

export interface Logger {
  error<T extends string>(text: LogText<T>, fields?: LogFields): void;
  warn<T extends string>(text: LogText<T>, fields?: LogFields): void;
  info<T extends string>(text: LogText<T>, fields?: LogFields): void;
  debug<T extends string>(text: LogText<T>, fields?: LogFields): void;
}

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** Where formatted lines go: electron-log's logger, or a test's memory. */
export type LogSink = Record<LogLevel, (line: string) => void>;

const REDACTED = '[redacted]';
const IDENTIFIER = /^[A-Za-z0-9_.:@-]{1,80}$/;
const HOST = /^[A-Za-z0-9_.:%[\]-]{1,253}$/;
const VERSION = /^[A-Za-z0-9.+-]{1,40}$/;
/** Letters of any script, digits, space and the punctuation of file names. */
const FILE_NAME = /^[\p{L}\p{N} ._()+@~-]{1,120}$/u;
/** An absolute path on one line: `/…`, `C:\…` or `\\server\…`. */
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:\\|\\\\)[^\p{C}]{0,400}$/u;
/** Stack frames as `stackOf` gives them: `at … (file:line:col)` joined by ` | `. */
const STACK_FRAME = /^at [^\p{C}|]{1,300}:\d+:\d+\)?$/u;

function checked(value: string, pattern: RegExp): string {
  return pattern.test(value) ? value : REDACTED;
}

function numberField(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : REDACTED;
}

/** Each field's value, checked against what its kind allows; anything else is redacted. */
const FIELD_FORMAT: { [K in keyof LogFields]-?: (value: NonNullable<LogFields[K]>) => string } = {
  code: (v) => checked(String(v), IDENTIFIER),
  call: (v) => checked(String(v), IDENTIFIER),
  host: (v) => checked(String(v), HOST),
  port: numberField,
  file: (v) => checked(basename(String(v)), FILE_NAME),
  path: (v) => checked(String(v), ABSOLUTE_PATH),
  type: numberField,
  bits: numberField,
  source: (v) => checked(String(v), IDENTIFIER),
  count: numberField,
  bytes: numberField,
  version: (v) => checked(String(v), VERSION),
  reason: (v) => checked(String(v), IDENTIFIER),
  where: (v) =>
    String(v)
      .split(' | ')
      .every((frame) => STACK_FRAME.test(frame))
      ? String(v)
      : REDACTED,
};

/** `text key=value …`, in the order of `FIELD_FORMAT`; unknown fields are left out. */
export function formatLogLine(text: string, fields: LogFields = {}): string {
  const parts = [text];
  for (const key of Object.keys(FIELD_FORMAT) as (keyof LogFields)[]) {
    const value = fields[key];
    if (value === undefined) continue;
    const format = FIELD_FORMAT[key] as (v: unknown) => string;
    parts.push(`${key}=${format(value)}`);
  }
  return parts.join(' ');
}

/** A logger writing formatted lines to `sink`. */
export function safeLogger(sink: LogSink): Logger {
  const at =
    (level: LogLevel) =>
    (text: string, fields?: LogFields): void =>
      sink[level](formatLogLine(text, fields));
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

/**
 * What may be said about an error: its code (AppError or Node), else its
 * class name. Never its message, which can quote input (a JSON parse error
 * quotes the file, a server's message is the server's text).
 */
export function errorCode(error: unknown): string {
  if (isAppError(error)) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && IDENTIFIER.test(code)) return code;
  if (error instanceof Error) return checked(error.name, IDENTIFIER);
  return typeof error;
}

/** The first stack frames of a bug of ours (`at fn (file:line:col)`), without the message. */
export function stackOf(error: unknown, frames = 4): string | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack) return undefined;
  const lines = stack
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => STACK_FRAME.test(line))
    .slice(0, frames);
  return lines.length > 0 ? lines.join(' | ') : undefined;
}

export interface NodeLoggerOptions {
  /** Log file; none when omitted. */
  file?: string;
  /** Minimum console level; 'warn' keeps test output quiet. */
  consoleLevel?: LogLevel | false;
}

export function createNodeLogger(options: NodeLoggerOptions = {}): Logger {
  const logger = log.create({ logId: `fernwartung-${Math.random().toString(36).slice(2)}` });
  logger.transports.console.level = options.consoleLevel ?? 'info';
  logger.transports.console.writeFn = ({ message }) => {
    process.stderr.write(`${message.level}: ${message.data.join(' ')}\n`);
  };
  if (options.file) {
    const file = options.file;
    // Owner-only and append-only: electron-log would make the folder 0755 and
    // the file 0644 (also after a rotation); an existing file is tightened.
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    if (existsSync(file) && process.platform !== 'win32') chmodSync(file, 0o600);
    logger.transports.file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
    logger.transports.file.resolvePathFn = () => file;
    logger.transports.file.level = 'info';
  } else {
    logger.transports.file.level = false;
  }
  return safeLogger(logger);
}

/** For tests: a logger that remembers lines instead of printing them. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const sink: LogSink = {
    error: (line) => lines.push(`error: ${line}`),
    warn: (line) => lines.push(`warn: ${line}`),
    info: (line) => lines.push(`info: ${line}`),
    debug: (line) => lines.push(`debug: ${line}`),
  };
  return Object.assign(safeLogger(sink), { lines });
}
