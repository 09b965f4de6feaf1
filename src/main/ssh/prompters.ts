// Everything the connection needs from the user goes through these injected
// async interfaces. Protocol code never opens a dialog (lesson from Tabby):
// the UI layer implements them, tests answer them directly.

export type HostKeyDecision = 'acceptAndRemember' | 'connectOnce' | 'cancel';

export interface HostKeyQuestion {
  /** The host as the user typed it (not the resolved address). */
  host: string;
  port: number;
  keyType: string;
  fingerprint: string;
  /**
   * The previously remembered key. Reserved for an explicit "the key was
   * renewed, replace it" flow; the connect path never asks about a changed
   * key, it refuses it.
   */
  known?: { keyType: string; fingerprint: string; addedAt: string };
  /** Aborted when the connection dies while the question is open: close the dialog. */
  signal: AbortSignal;
}

export interface HostKeyPrompter {
  decide(question: HostKeyQuestion): Promise<HostKeyDecision>;
}

export interface KeyboardInteractivePrompt {
  prompt: string;
  /** false: the answer is secret (do not show it while typing). */
  echo: boolean;
}

export interface KeyboardInteractiveRequest {
  host: string;
  port: number;
  username: string;
  /** Often empty (DUO sends name and instructions empty, the menu as one prompt). */
  name: string;
  instructions: string;
  prompts: KeyboardInteractivePrompt[];
  /** Epoch milliseconds when the approval wait of this login ends (0: none). */
  deadline: number;
  signal: AbortSignal;
}

export interface KeyboardInteractivePrompter {
  /** One answer per prompt, in order; `null` cancels the login. */
  respond(request: KeyboardInteractiveRequest): Promise<string[] | null>;
}

/** Progress the UI shows while authenticating (e.g. "waiting for approval"). */
export type AuthProgress =
  | { stage: 'hostKeyAccepted'; fingerprint: string; remembered: boolean }
  | { stage: 'publickey' }
  /**
   * The server accepted the key but wants more (DUO). With autopush the
   * server stays silent until the phone answers, so the UI must show
   * "waiting for approval" from here on.
   */
  | {
      stage: 'partialSuccess';
      methodsLeft: string[];
      /** epoch ms: the approval wait ends */ deadline: number;
    }
  | { stage: 'keyboardInteractive' }
  | { stage: 'authenticated' };
