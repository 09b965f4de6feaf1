// PuTTY's session logging for one terminal session, as the settings said when
// it started: off, printable output (escape sequences and controls left out)
// or all output, to a file named by the pattern, with optional timestamps.
//
// Only output is logged, never input: what the user types goes to the server
// by another path and is never seen here. So a password typed at an echo-off
// prompt (`read -s`, sudo) is not in the log; with echo on, the server's echo
// is output and is logged, as on the screen.
import type { ErrorInfo } from '../../../shared/errors';
import type { LoggingSettings } from '../../../shared/model/settings';
import { sessionLogName } from '../../../shared/model/session-log-name';
import { isAppError } from '../../core/app-error';
import { requireUserPath } from '../../core/user-path';
import { formatStamp, LineStamper } from './line-stamper';
import { LogWriter } from './log-writer';
import { PrintableFilter } from './printable-filter';

export interface SessionLogTarget {
  host: string;
  port: number;
  /** The profile's name (&N). */
  profile: string;
}

export interface StartSessionLogOptions {
  settings: LoggingSettings;
  /** Where logs go when the settings name no folder (`<data dir>/logs/sessions`). */
  defaultFolder: string;
  target: SessionLogTarget;
  /** A problem the user should read; logging for this session has stopped. */
  onNotice: (notice: ErrorInfo) => void;
  now?: () => Date;
  /** Tests: a smaller backlog. */
  maxBacklogBytes?: number;
}

export interface SessionLog {
  /** A chunk of the session's output, in order; copied, so the caller may reuse it. */
  output(chunk: Uint8Array): void;
  /** Writes what is queued and closes the file. Never rejects. */
  close(): Promise<void>;
  /** The file written now (undefined until created, or after a failure). */
  readonly path: string | undefined;
}

const MEGABYTE = 1024 * 1024;

/** The session's log, or null when logging is off or its folder is unusable (then said in a notice). */
export function startSessionLog(options: StartSessionLogOptions): SessionLog | null {
  const { settings, target, onNotice } = options;
  if (settings.mode === 'off') return null;
  const now = options.now ?? (() => new Date());
  let folder: string;
  try {
    folder = settings.folder.trim() ? requireUserPath(settings.folder) : options.defaultFolder;
  } catch (error) {
    onNotice(
      isAppError(error) && error.code === 'path.notAbsolute'
        ? { code: 'sessionLog.folderNotAbsolute', params: { folder: settings.folder.trim() } }
        : { code: 'internal', params: {} },
    );
    return null;
  }
  const name = sessionLogName(settings.namePattern, { date: now(), ...target });
  const filter = settings.mode === 'printable' ? new PrintableFilter() : null;
  const stamper = settings.timestamps ? new LineStamper(now) : null;
  const writer = new LogWriter({
    folder,
    name,
    maxBytes: settings.maxMegabytes * MEGABYTE,
    header: ({ counter }) => Buffer.from(headerLine(now(), target, counter)),
    onError: ({ file, detail }) => onNotice({ code: 'sessionLog.writeFailed', params: { file, detail } }),
    maxBacklogBytes: options.maxBacklogBytes,
  });
  return {
    output(chunk) {
      // The filter makes a new buffer; all output is copied, since the writer keeps it past this call.
      let data = filter ? filter.push(chunk) : Buffer.from(chunk);
      if (stamper) data = stamper.push(data);
      writer.write(data);
    },
    close: () => writer.close(),
    get path() {
      return writer.path;
    },
  };
}

/** PuTTY's first line, so a log says when and where it was written. */
function headerLine(date: Date, target: SessionLogTarget, counter: number): string {
  // eslint-disable-next-line no-control-regex -- a name's control characters would act in a viewer
  const where = `${target.host}:${target.port} (${target.profile})`.replace(/[\u0000-\u001f\u007f]/g, '');
  const part = counter > 1 ? `, part ${counter}` : '';
  const rule = '=~=~=~=~=~=~=~=~=~=~=~=';
  return `${rule} Fernwartung log ${formatStamp(date).trim()} ${where}${part} ${rule}\r\n`;
}
