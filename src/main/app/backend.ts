// The composition root: builds every service from a data directory and
// exposes them through the contract. Electron's main, the headless host and
// the integration tests all start here; only the shell differs.
import { mkdirSync } from 'node:fs';
import type { ErrorInfo } from '../../shared/errors';
import { AppError } from '../core/app-error';
import type { Logger } from '../core/log';
import { createDispatcher, type Dispatcher, type Handlers } from '../contract/dispatcher';
import { EventBus } from '../contract/event-bus';
import { PromptService } from '../prompts/prompt-service';
import { ProfileService, profilesDocument } from '../profiles/profile-service';
import { SettingsService, settingsDocument } from '../settings/settings-service';
import { openConfDocument, type ConfFactory } from '../storage/conf-store';
import type { StorageNotice } from '../storage/notices';
import type { ShellInfo } from './platform';
import { appHandlers } from './handlers/app';
import { profileHandlers } from './handlers/profiles';

export interface BackendOptions {
  dataDir: string;
  confFactory: ConfFactory;
  log: Logger;
  shell: ShellInfo;
}

export interface Backend {
  readonly dataDir: string;
  readonly events: EventBus;
  readonly dispatcher: Dispatcher;
  readonly prompts: PromptService;
  readonly settings: SettingsService;
  readonly profiles: ProfileService;
  /** Start-up notices for the UI, e.g. a corrupt settings file moved aside. */
  readonly notices: ErrorInfo[];
  dispose(): Promise<void>;
}

export function createBackend(options: BackendOptions): Backend {
  const { dataDir, log } = options;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const notices: ErrorInfo[] = [];
  const report = ({ detail, ...notice }: StorageNotice) => {
    log.warn(`storage: ${notice.code} ${JSON.stringify(notice.params)} (${detail ?? ''})`);
    notices.push(notice);
  };
  const open = <T>(name: string, doc: Parameters<typeof openConfDocument<T>>[2]) =>
    openConfDocument(options.confFactory, { dataDir, name }, doc, report);

  const events = new EventBus();
  const prompts = new PromptService(events);
  const settings = new SettingsService(open('settings', settingsDocument));
  const profiles = new ProfileService(open('profiles', profilesDocument));

  const notYet = (): never => {
    throw new AppError('internal', { detail: 'not implemented yet' });
  };

  // Each capability contributes the handlers of its own call table.
  const handlers: Handlers = {
    ...appHandlers({ shell: options.shell, dataDir, notices, settings, prompts }),
    ...profileHandlers(profiles),
    'sessions.open': notYet,
    'sessions.close': notYet,
    'terminal.write': notYet,
    'terminal.resize': notYet,
    'terminal.ack': notYet,
  };

  return {
    dataDir,
    events,
    dispatcher: createDispatcher(handlers, log),
    prompts,
    settings,
    profiles,
    notices,
    async dispose() {},
  };
}
