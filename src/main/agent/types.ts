// Data that crosses the agent's boundaries. Nothing here holds private
// material: the UI and protocol clients only ever see these shapes.
import type { AgentKey } from '../../shared/contract/agent';
import type { ErrorInfo } from '../../shared/errors';
import type { ImportOptions, LoadedPrivateKey } from '../keys/types';

export interface KeyConstraints {
  /** Seconds until the key is removed (ssh-add -t). */
  lifetimeSeconds?: number;
  /** Ask before every use (ssh-add -c). */
  confirm?: boolean;
}

/** What the store tells about a key: the contract's agent key without what the agent service adds. */
export type AgentKeyInfo = Omit<AgentKey, 'remembered' | 'passphraseStored'>;

export type AgentClientKind = 'app' | 'socket';

/** Who asks for a signature, for confirm prompts and logs. */
export interface SignContext {
  client: AgentClientKind;
  /** Host the app connects to, or the host key a socket client bound its session to. */
  destination?: string;
  /** `SHA256:...` of the server host key the client's session is bound to (session-bind). */
  hostKeyFingerprint?: string;
  /** The binding came through agent forwarding (a remote host asks). */
  forwarded?: boolean;
}

export interface ConfirmRequest extends SignContext {
  key: AgentKeyInfo;
}

/** Answers a confirm-each-use prompt. The UI implements it; the store never opens dialogs. */
export type ConfirmHandler = (request: ConfirmRequest) => Promise<boolean>;

/** The keys module's importer, injected so the agent does not depend on it at build time. */
export type KeyImporter = (data: Buffer, options?: ImportOptions) => Promise<LoadedPrivateKey>;

export interface AgentState {
  keyCount: number;
  locked: boolean;
}

/** A key the agent refused to load, so the UI can say why. */
export interface AgentRefusal {
  type: string;
  bits: number;
  comment: string;
  source: string;
  error: ErrorInfo;
}

export interface AddOptions {
  /** Where the key came from; shown in the list. Defaults to `app`. */
  source?: string;
  constraints?: KeyConstraints;
}
