// The keyboard-interactive stage of a login (DUO's menu, a passcode) as
// ssh2 calls it, handed to the injected prompter with the approval deadline.
// An answer that arrives after the attempt ended never reaches ssh2.
import type { KeyboardInteractiveAuthMethod } from 'ssh2';
import type { KeyboardInteractivePrompter } from './prompters';

export interface KeyboardInteractiveStage {
  host: string;
  port: number;
  username: string;
  /** Epoch milliseconds when the approval wait ends (0: none), read at each prompt. */
  deadline: () => number;
  /** Aborted when the attempt ends: the prompt closes. */
  signal: AbortSignal;
  /** True once the attempt ended (success or failure). */
  over: () => boolean;
  /** The user cancelled (null answer) or the prompter failed. */
  cancel: (cause?: unknown) => void;
}

export function keyboardInteractiveMethod(
  prompter: KeyboardInteractivePrompter,
  stage: KeyboardInteractiveStage,
): KeyboardInteractiveAuthMethod['prompt'] {
  return (name, instructions, _lang, prompts, finish) => {
    prompter
      .respond({
        host: stage.host,
        port: stage.port,
        username: stage.username,
        name,
        instructions,
        prompts: prompts.map((p) => ({ prompt: p.prompt, echo: p.echo === true })),
        deadline: stage.deadline(),
        signal: stage.signal,
      })
      .then(
        (answers) => {
          if (stage.over()) return;
          if (answers === null) stage.cancel();
          else finish(answers);
        },
        (cause: unknown) => stage.cancel(cause),
      );
  };
}
