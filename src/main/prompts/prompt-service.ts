// Questions for the user, asked by services that must not open dialogs
// themselves. A prompt is announced as an event; the UI answers it by id.
import { randomUUID } from 'node:crypto';
import type { AnswerOf, Prompt, PromptAnswer, PromptKind } from '../../shared/contract/prompts';
import type { EventBus } from '../contract/event-bus';

type PromptOf<K extends PromptKind> = Extract<Prompt, { kind: K }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type PromptRequest<K extends PromptKind = PromptKind> = DistributiveOmit<PromptOf<K>, 'id'>;

interface Pending {
  prompt: Prompt;
  resolve(answer: PromptAnswer): void;
}

export class PromptService {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly events: EventBus) {}

  /** Resolves with the user's answer; with `cancelAnswer` when `signal` aborts. */
  ask<K extends PromptKind>(
    request: PromptRequest<K>,
    cancelAnswer: AnswerOf<K>,
    signal?: AbortSignal,
  ): Promise<AnswerOf<K>> {
    const prompt = { ...request, id: randomUUID() } as Prompt;
    return new Promise((resolve) => {
      const finish = (answer: PromptAnswer) => {
        if (!this.pending.delete(prompt.id)) return;
        signal?.removeEventListener('abort', onAbort);
        this.events.emit('prompt.closed', { id: prompt.id });
        resolve(answer as AnswerOf<K>);
      };
      const onAbort = () => finish(cancelAnswer);
      if (signal?.aborted) return resolve(cancelAnswer);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(prompt.id, { prompt, resolve: finish });
      this.events.emit('prompt.opened', prompt);
    });
  }

  /** False when the prompt is gone (answered elsewhere) or the answer does not fit it. */
  answer(id: string, answer: PromptAnswer): boolean {
    const pending = this.pending.get(id);
    if (!pending || pending.prompt.kind !== answer.kind) return false;
    pending.resolve(answer);
    return true;
  }

  list(): Prompt[] {
    return [...this.pending.values()].map((p) => p.prompt);
  }
}
