// The order of login methods: the user's key (from material or an agent)
// first, then keyboard-interactive — which is how sshd with pam_duo
// (`AuthenticationMethods publickey,keyboard-interactive`) wants it.
import ssh2, {
  type AuthHandlerMiddleware,
  type BaseAgent,
  type KeyboardInteractiveAuthMethod,
  type ParsedKey,
  type SigningRequestOptions,
} from 'ssh2';
import type { AuthProgress } from './prompters';

type SignCallback = (error?: Error | null, signature?: Buffer) => void;

/** The credential, after the key material was parsed (no network needed for that). */
export type ResolvedCredential = { type: 'publickey'; key: ParsedKey } | { type: 'agent'; agent: BaseAgent };

export interface AuthHandlerOptions {
  username: string;
  credential: ResolvedCredential;
  /** Absent: keyboard-interactive is never tried (nobody could answer it). */
  keyboardInteractive?: KeyboardInteractiveAuthMethod['prompt'];
  onProgress?: (progress: AuthProgress) => void;
  /** The first partial success (the key was accepted; DUO follows): gives the approval deadline. */
  onPartialSuccess?: () => number;
}

// A wrong DUO passcode makes sshd fail the method; allow a few more tries
// (sshd's MaxAuthTries ends it anyway).
const MAX_KEYBOARD_INTERACTIVE = 3;

/**
 * Workaround for ssh2 1.17 (lib/client.js, USERAUTH_FAILURE): after an agent
 * key fails, ssh2 tries the agent's next key and then calls the auth handler
 * with the *previous* methods and partial-success flags (null), so pam_duo's
 * partial success is lost. The server asks for a signature only after it
 * accepted the key (PK_OK), and a server that accepted a key rejects a valid
 * signature only when it wants a second method: so "the agent signed, and we
 * are asked again" is the partial success ssh2 dropped.
 */
class SignWatchingAgent extends ssh2.BaseAgent {
  signed = false;

  constructor(private readonly inner: BaseAgent) {
    super();
  }

  getIdentities(cb: Parameters<BaseAgent['getIdentities']>[0]): void {
    this.inner.getIdentities(cb);
  }

  sign(
    pubKey: string | Buffer | ParsedKey,
    data: Buffer,
    options: SigningRequestOptions | SignCallback,
    cb?: SignCallback,
  ): void {
    this.signed = true;
    (this.inner.sign as (...args: unknown[]) => void)(pubKey, data, options, cb);
  }
}

export function createAuthHandler(options: AuthHandlerOptions): AuthHandlerMiddleware {
  const { username, credential } = options;
  let triedKey = false;
  let keyboardTries = 0;
  const agent = credential.type === 'agent' ? new SignWatchingAgent(credential.agent) : undefined;

  const handler = (methodsLeft: string[] | null, partialSuccess: boolean | null) => {
    if (!triedKey) {
      triedKey = true;
      options.onProgress?.({ stage: 'publickey' });
      return credential.type === 'publickey'
        ? ({ type: 'publickey', username, key: credential.key } as const)
        : ({ type: 'agent', username, agent: agent! } as const);
    }
    if (agent?.signed && methodsLeft === null) {
      // See SignWatchingAgent: what ssh2 dropped, keyboard-interactive being what pam_duo asks next.
      partialSuccess = true;
      methodsLeft = ['keyboard-interactive'];
    }
    if (partialSuccess) {
      const deadline = options.onPartialSuccess?.() ?? 0;
      options.onProgress?.({ stage: 'partialSuccess', methodsLeft: methodsLeft ?? [], deadline });
    }
    const offered = methodsLeft ?? [];
    if (
      options.keyboardInteractive &&
      offered.includes('keyboard-interactive') &&
      keyboardTries < MAX_KEYBOARD_INTERACTIVE
    ) {
      keyboardTries++;
      options.onProgress?.({ stage: 'keyboardInteractive' });
      return { type: 'keyboard-interactive', username, prompt: options.keyboardInteractive } as const;
    }
    return false as const;
  };

  // ssh2 calls with (null, null, next) first; the types claim non-null.
  return ((methodsLeft, partialSuccess, next) => {
    next(handler(methodsLeft as string[] | null, partialSuccess as boolean | null) as never);
  }) as AuthHandlerMiddleware;
}
