// Builds ssh2's `hostVerifier(key, verify)` in its asynchronous form: ssh2
// sends nothing of authentication until `verify` is called, so the user can
// take as long as needed and no credential leaves before the decision (a
// peer leaked passwords to a honeypot while its dialog was open).
import { AppError, isAppError } from '../core/app-error';
import { hostKeyFromBlob, type HostKey } from './host-key';
import type { KnownHosts } from './known-hosts';
import type { HostKeyPrompter } from './prompters';

export interface HostKeyVerifierOptions {
  /** The name the user typed; keys are remembered under it, not under the IP. */
  host: string;
  port: number;
  knownHosts: KnownHosts;
  prompter: HostKeyPrompter;
  /** Aborts an open question when the connection is gone. */
  signal?: AbortSignal;
  /** Told when a question to the user opens and closes (connect timers pause meanwhile). */
  onPrompt?: (open: boolean) => void;
}

export type HostKeyOutcome =
  | { accepted: true; hostKey: HostKey; remembered: boolean; asked: boolean }
  | { accepted: false; hostKey?: HostKey; error: AppError };

export interface HostKeyVerification {
  /** Pass as ssh2's `hostVerifier`. Returns undefined: the answer comes through `verify`. */
  hostVerifier: (key: Buffer, verify: (permitted: boolean) => void) => void;
  /** Set once ssh2 asked and we answered; explains a refusal to the connect code. */
  outcome(): HostKeyOutcome | undefined;
}

/** The decision itself, without ssh2's callback plumbing. */
export async function decideHostKey(blob: Buffer, options: HostKeyVerifierOptions): Promise<HostKeyOutcome> {
  const { host, port, knownHosts, prompter } = options;
  let hostKey: HostKey;
  try {
    hostKey = hostKeyFromBlob(blob);
  } catch (cause) {
    return {
      accepted: false,
      error: new AppError('ssh.protocolError', { host, port, detail: 'malformed host key' }, { cause }),
    };
  }
  const status = knownHosts.lookup(host, port, hostKey);
  if (status.status === 'known') return { accepted: true, hostKey, remembered: true, asked: false };
  if (status.status === 'changed') {
    // Refused at once, without asking: a dialog invites "accept" clicks.
    return {
      accepted: false,
      hostKey,
      error: new AppError('ssh.hostKeyChanged', {
        host,
        port,
        keyType: hostKey.keyType,
        fingerprint: hostKey.fingerprint,
        knownKeyType: status.known.keyType,
        knownFingerprint: status.known.fingerprint,
      }),
    };
  }

  const rejected = (cause?: unknown) => ({
    accepted: false as const,
    hostKey,
    error: new AppError('ssh.hostKeyRejected', { host, port, fingerprint: hostKey.fingerprint }, { cause }),
  });
  const signal = options.signal ?? new AbortController().signal;
  if (signal.aborted) return rejected();
  options.onPrompt?.(true);
  let decision;
  try {
    decision = await prompter.decide({
      host,
      port,
      keyType: hostKey.keyType,
      fingerprint: hostKey.fingerprint,
      signal,
    });
  } catch (cause) {
    // A broken prompter must never turn into "accept".
    return rejected(cause);
  } finally {
    options.onPrompt?.(false);
  }
  if (signal.aborted) return rejected();
  switch (decision) {
    case 'acceptAndRemember':
      knownHosts.remember(host, port, hostKey);
      return { accepted: true, hostKey, remembered: true, asked: true };
    case 'connectOnce':
      return { accepted: true, hostKey, remembered: false, asked: true };
    default:
      return rejected();
  }
}

export function createHostKeyVerifier(options: HostKeyVerifierOptions): HostKeyVerification {
  let result: HostKeyOutcome | undefined;
  let called = false;
  return {
    hostVerifier: (key, verify) => {
      // Re-keying presents the key again; the first answer stands for the connection.
      if (called) {
        verify(result?.accepted === true && result.hostKey.keyBase64 === key.toString('base64'));
        return;
      }
      called = true;
      void decideHostKey(Buffer.from(key), options)
        .catch((cause: unknown): HostKeyOutcome => ({
          // E.g. the known-hosts file could not be written: refuse, visibly.
          accepted: false,
          error: isAppError(cause)
            ? cause
            : new AppError(
                'ssh.protocolError',
                { host: options.host, port: options.port, detail: 'host key check failed' },
                { cause },
              ),
        }))
        .then((outcome) => {
          result = outcome;
          // The connection died while the user was deciding: ssh2 has torn
          // its protocol down, and answering it would throw.
          if (options.signal?.aborted) return;
          try {
            verify(outcome.accepted);
          } catch {
            // Same race, seen from ssh2's side; the connect code reports the close.
          }
        });
    },
    outcome: () => result,
  };
}
