// Logging through electron-log. In plain Node (headless host, tests) the
// console transport writes to stderr: the host's stdout carries only
// `KEY=value` lines. Never log secrets: passphrases, private keys, tokens.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { format } from 'node:util';
import log from 'electron-log/node';

export interface Logger {
  error(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  info(...args: unknown[]): void;
  debug(...args: unknown[]): void;
}

export interface NodeLoggerOptions {
  /** Log file; none when omitted. */
  file?: string;
  /** Minimum console level; 'warn' keeps test output quiet. */
  consoleLevel?: 'error' | 'warn' | 'info' | 'debug' | false;
}

export function createNodeLogger(options: NodeLoggerOptions = {}): Logger {
  const logger = log.create({ logId: `fernwartung-${Math.random().toString(36).slice(2)}` });
  logger.transports.console.level = options.consoleLevel ?? 'info';
  logger.transports.console.writeFn = ({ message }) => {
    process.stderr.write(`${message.level}: ${format(...message.data)}\n`);
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
  return logger;
}

/** For tests: a logger that remembers lines instead of printing them. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write =
    (level: string) =>
    (...args: unknown[]) =>
      lines.push(`${level}: ${format(...args)}`);
  return { lines, error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') };
}
