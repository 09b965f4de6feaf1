// The composition root: builds every service from a data directory and
// exposes them through the contract. Electron's main, the headless host and
// the integration tests all start here; only the shell differs.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ErrorInfo } from '../../shared/errors';
import { AgentKeyStore } from '../agent';
import { createDispatcher, type Dispatcher, type Handlers } from '../contract/dispatcher';
import { EventBus } from '../contract/event-bus';
import type { Logger } from '../core/log';
import { importPrivateKey } from '../keys';
import { KeyWizard } from '../services/keys-wizard/key-wizard';
import { ProfileService, profilesDocument } from '../services/profiles/profile-service';
import { PromptService } from '../prompts/prompt-service';
import { SessionService } from '../services/sessions/session-service';
import { SettingsService, settingsDocument } from '../services/settings/settings-service';
import { KnownHosts, knownHostsDocument } from '../ssh/known-hosts';
import type { LookupFn } from '../ssh/tcp';
import { openConfDocument, type ConfFactory } from '../storage/conf-store';
import { createMemoryStore } from '../storage/document-store';
import { prepareDataFolder } from '../storage/data-folder';
import { acquireInstanceLock, type InstanceLock } from '../storage/instance-lock';
import type { StorageNotice } from '../storage/notices';
import { AgentService } from '../services/agent/agent-service';
import { confirmThroughPrompts } from '../services/agent/confirm-prompts';
import { agentHandlers } from './handlers/agent';
import { appHandlers } from './handlers/app';
import { keyHandlers } from './handlers/keys';
import { movingInHandlers } from './handlers/moving-in';
import { MovingInService } from '../services/moving-in/moving-in-service';
import { windowsPuttyRegistry } from '../moving-in/putty/registry-source';
import { profileHandlers } from './handlers/profiles';
import { sessionHandlers } from './handlers/sessions';
import type { ShellInfo } from './shell-info';
import { WindowRequests } from './window-requests';
import { emptyVaultDocument, StoredPassphrases, vaultDocument } from '../services/agent/stored-passphrases';

export interface BackendOptions {
  dataDir: string;
  confFactory: ConfFactory;
  log: Logger;
  shell: ShellInfo;
  /** DNS resolver for SSH connections; tests inject one. */
  lookup?: LookupFn;
  /** The agent's UNIX socket for ssh, ssh-add, git (e.g. `<data dir>/agent/agent.sock`); none = no socket. */
  agentSocket?: string;
  /** Key files to load into the agent at start besides the remembered ones (Pageant's arguments). */
  agentKeyFiles?: string[];
  /** Windows: serve the agent on named pipes (OpenSSH's; Pageant's needs native calls). */
  agentPipes?: boolean;
  /** Milliseconds a confirm-each-use prompt waits before denying (default 60 s). */
  agentConfirmTimeoutMs?: number;
  /** The home folder "this computer" imports read (`~/.ssh`); default the user's. Tests pass a temp folder. */
  home?: string;
  /** Milliseconds a session nobody shows waits for a view before it is closed (default 60 s). */
  sessionViewerGraceMs?: number;
}

export interface Backend {
  readonly dataDir: string;
  readonly events: EventBus;
  readonly dispatcher: Dispatcher;
  readonly prompts: PromptService;
  readonly settings: SettingsService;
  readonly profiles: ProfileService;
  readonly knownHosts: KnownHosts;
  readonly agent: AgentKeyStore;
  /** The agent's socket, remembered keys and events; `ready()` once the socket is up. */
  readonly agentService: AgentService;
  readonly sessions: SessionService;
  /** Start-up notices for the UI, e.g. a corrupt settings file moved aside. */
  readonly notices: ErrorInfo[];
  /** What the shell (the tray) asks the window to do. */
  readonly windowRequests: WindowRequests;
  /** Tells the window about a problem (e.g. a key the tray could not add). */
  notify(notice: ErrorInfo): void;
  dispose(): Promise<void>;
}

/**
 * Builds the backend on a data folder: made or tightened owner-only, then
 * locked for this process (a second app on the same folder throws AppError
 * `storage.dataFolderInUse`, which the shell shows before quitting).
 */
/** The file a storage notice is about, for the log (its name only: `LogFields.file`). */
function fileParam(notice: StorageNotice): string | undefined {
  const file = notice.params.file;
  return typeof file === 'string' ? file : undefined;
}

export function createBackend(options: BackendOptions): Backend {
  const notices: ErrorInfo[] = [];
  const report = ({ detail, ...notice }: StorageNotice) => {
    options.log.warn('storage: notice', { code: notice.code, file: fileParam(notice), reason: detail });
    notices.push(notice);
  };
  prepareDataFolder(options.dataDir, report);
  const lock = acquireInstanceLock(options.dataDir);
  try {
    return composeBackend(options, notices, report, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

function composeBackend(
  options: BackendOptions,
  notices: ErrorInfo[],
  report: (notice: StorageNotice) => void,
  lock: InstanceLock,
): Backend {
  const { dataDir, log } = options;
  const open = <T>(name: string, doc: Parameters<typeof openConfDocument<T>>[2]) =>
    openConfDocument(options.confFactory, { dataDir, name }, doc, report);

  const events = new EventBus();
  const prompts = new PromptService(events);
  const settings = new SettingsService(open('settings', settingsDocument));
  const profiles = new ProfileService(open('profiles', profilesDocument));
  const knownHosts = new KnownHosts(open('known-hosts', knownHostsDocument));
  // Unlocked keys live here, in the main process only.
  const agent = new AgentKeyStore({
    importer: importPrivateKey,
    confirm: confirmThroughPrompts(prompts, { timeoutMs: options.agentConfirmTimeoutMs }),
  });
  const notify = (notice: ErrorInfo) => {
    notices.push(notice);
    events.emit('app.notice', notice);
  };
  // Sealed passphrases (opt-in, OS keychain) in their own file, never in settings.
  // Without a vault the file is opened only to delete what an earlier run left.
  const passphrases = new StoredPassphrases(
    options.shell.vault || existsSync(join(dataDir, 'vault.json'))
      ? open('vault', vaultDocument)
      : createMemoryStore(emptyVaultDocument()),
    options.shell.vault,
  );
  const agentService = new AgentService({
    agent,
    prompts,
    events,
    settings,
    knownHosts,
    log,
    notify,
    passphrases,
  });
  void agentService.start({
    socketPath: options.agentSocket,
    keyFiles: options.agentKeyFiles,
    windows: { pipes: options.agentPipes === true },
  });
  const sessions = new SessionService({
    profiles,
    settings,
    prompts,
    events,
    knownHosts,
    agent,
    log,
    notify,
    lookup: options.lookup,
    sessionLogFolder: join(dataDir, 'logs', 'sessions'),
    viewerGraceMs: options.sessionViewerGraceMs,
  });

  const movingIn = new MovingInService({
    profiles,
    settings,
    knownHosts,
    home: options.home ?? homedir(),
    // PuTTY keeps its sessions in the registry on Windows only (elsewhere: a .reg file).
    registry: process.platform === 'win32' ? windowsPuttyRegistry() : undefined,
    agentEndpoint: () => agentService.socketPath ?? agentService.state().pipes?.openSsh ?? null,
  });

  const windowRequests = new WindowRequests(events);
  settings.onChange((next) => events.emit('settings.changed', next));

  // Each capability contributes the handlers of its own call table.
  const handlers: Handlers = {
    ...appHandlers({ shell: options.shell, dataDir, notices, settings, prompts, windowRequests }),
    ...profileHandlers(profiles),
    ...sessionHandlers(sessions),
    ...agentHandlers(agentService),
    ...keyHandlers({ wizard: new KeyWizard({ agent, settings }), dataDir }),
    ...movingInHandlers(movingIn),
  };

  return {
    dataDir,
    events,
    dispatcher: createDispatcher(handlers, log),
    prompts,
    settings,
    profiles,
    notices,
    knownHosts,
    agent,
    agentService,
    sessions,
    windowRequests,
    notify,
    async dispose() {
      try {
        await sessions.dispose();
        await agentService.dispose();
        agent.dispose();
      } finally {
        // Last: until everything above let go, this process may still write.
        lock.release();
      }
    },
  };
}
