// The SSH agent (Pageant's and ssh-agent's job): a key store, our own codec of
// the agent protocol, and transports (UNIX socket, Windows pipes, ssh2 in
// process). Plain Node: no Electron here; the app wires confirm prompts,
// the importer and paths in.
export { AgentKeyStore, type AgentKeyStoreOptions, type Identity } from './key-store';
export { systemClock, type Clock, type TimerHandle } from './clock';
export type {
  AddOptions,
  AgentClientKind,
  AgentKeyInfo,
  AgentRefusal,
  AgentState,
  ConfirmHandler,
  ConfirmRequest,
  KeyConstraints,
  KeyImporter,
  SignContext,
} from './types';
export { AgentSession, type AgentSessionOptions } from './session';
export { serveConnection, type ServeOptions } from './connection';
export { StoreAgent, type StoreAgentOptions } from './ssh2-agent';
export {
  startUnixAgentServer,
  type UnixAgentServer,
  type UnixAgentServerOptions,
} from './transport/unix-socket';
export { chooseSocketPath, exportLine, identityAgentSnippet } from './transport/socket-path';
export { startPipeAgentServer, type PipeAgentServer } from './transport/windows/pipe-server';
export {
  pageantPipeName,
  openSshPipeName,
  pipeIdentityAgentSnippet,
} from './transport/windows/pageant-pipe-name';
export { loadWindowsPlatform } from './transport/windows/platform';
export type { WindowsPlatform } from './transport/windows/win32-types';
