import type { appCalls } from '../../../shared/contract/app';
import type { ErrorInfo } from '../../../shared/errors';
import type { HandlersOf } from '../../contract/dispatcher';
import type { PromptService } from '../../prompts/prompt-service';
import type { SettingsService } from '../../services/settings/settings-service';
import type { ShellInfo } from '../shell-info';
import type { WindowRequests } from '../window-requests';

export function appHandlers(deps: {
  shell: ShellInfo;
  dataDir: string;
  notices: ErrorInfo[];
  settings: SettingsService;
  prompts: PromptService;
  windowRequests: WindowRequests;
}): HandlersOf<typeof appCalls> {
  const { shell, settings, prompts } = deps;
  return {
    'app.info': () => ({
      version: shell.version,
      platform: process.platform,
      dataDir: deps.dataDir,
      notices: deps.notices,
      shell: shell.kind,
      startAtLogin: shell.startAtLogin === true,
    }),
    'settings.get': () => settings.get(),
    'settings.update': (update) => settings.update(update),
    'prompts.pending': () => prompts.list(),
    'prompts.answer': ({ id, answer }) => ({ accepted: prompts.answer(id, answer) }),
    'dialogs.openFile': async ({ title }) => ({
      path: shell.dialogs ? await shell.dialogs.openFile({ title }) : null,
    }),
    'window.takeRequests': () => deps.windowRequests.take(),
  };
}
