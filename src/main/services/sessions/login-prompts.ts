// The questions a login asks, routed through the prompt service with the hop
// that asks ("Portalserver meine-schule.de – Schritt 1 von 2"): the host key
// decision, and keyboard-interactive (DUO's menu, a passcode). Protocol code
// awaits these; it never opens a dialog.
import type { Hop } from '../../../shared/contract/prompts';
import type { PromptService } from '../../prompts/prompt-service';
import type { HostKeyPrompter, KeyboardInteractivePrompter } from '../../ssh/prompters';

export function hostKeyPrompter(prompts: PromptService, hop: Hop | undefined): HostKeyPrompter {
  return {
    decide: async ({ host, port, keyType, fingerprint, signal }) =>
      (
        await prompts.ask(
          { kind: 'hostKey', host, port, keyType, fingerprint, ...(hop ? { hop } : {}) },
          { kind: 'hostKey', decision: 'cancel' },
          signal,
        )
      ).decision,
  };
}

/** `answered` runs after each answer: the server may now wait for the phone without a word. */
export function keyboardInteractivePrompter(
  prompts: PromptService,
  hop: Hop,
  answered: () => void,
): KeyboardInteractivePrompter {
  return {
    respond: async ({ username, name, instructions, prompts: questions, deadline, signal }) => {
      const answer = await prompts.ask(
        { kind: 'keyboardInteractive', hop, username, name, instructions, prompts: questions, deadline },
        { kind: 'keyboardInteractive', answers: null },
        signal,
      );
      if (answer.answers === null) return null;
      answered();
      // One answer per question, as the protocol wants, whatever the UI sent.
      return questions.map((_q, i) => answer.answers?.[i] ?? '');
    },
  };
}
