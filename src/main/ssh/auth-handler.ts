// The order of login methods: the user's key (from material or an agent)
// first, then keyboard-interactive — which is how sshd with pam_duo
// (`AuthenticationMethods publickey,keyboard-interactive`) wants it.
import type { AuthHandlerMiddleware, BaseAgent, KeyboardInteractiveAuthMethod, ParsedKey } from 'ssh2';
import type { AuthProgress } from './prompters';

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

export function createAuthHandler(options: AuthHandlerOptions): AuthHandlerMiddleware {
  const { username, credential } = options;
  let triedKey = false;
  let keyboardTries = 0;

  const handler = (methodsLeft: string[] | null, partialSuccess: boolean | null) => {
    if (!triedKey) {
      triedKey = true;
      options.onProgress?.({ stage: 'publickey' });
      return credential.type === 'publickey'
        ? ({ type: 'publickey', username, key: credential.key } as const)
        : ({ type: 'agent', username, agent: credential.agent } as const);
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
