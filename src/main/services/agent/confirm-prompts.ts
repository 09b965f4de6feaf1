// Confirm-each-use (ssh-add -c) through the prompt service: the agent store
// never opens a dialog, it awaits this handler; the UI shows key and destination.
import type { ConfirmHandler } from '../../agent';
import type { PromptService } from '../../prompts/prompt-service';

/** How long a confirm-each-use prompt waits before the agent denies. */
const CONFIRM_TIMEOUT_MS = 60_000;

/** No answer within `timeoutMs` (no window open, user away) denies. */
export function confirmThroughPrompts(
  prompts: PromptService,
  options: { timeoutMs?: number; now?: () => number } = {},
): ConfirmHandler {
  const timeoutMs = options.timeoutMs ?? CONFIRM_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  return async (request) => {
    const answer = await prompts.ask(
      {
        kind: 'confirmUse',
        keyType: request.key.type,
        keyComment: request.key.comment,
        keyFingerprint: request.key.fingerprint,
        destination: request.destination ?? null,
        client: request.client,
        forwarded: request.forwarded === true,
        deadline: now() + timeoutMs,
      },
      { kind: 'confirmUse', allow: false },
      AbortSignal.timeout(timeoutMs),
    );
    return answer.allow;
  };
}
