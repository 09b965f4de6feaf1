// Questions main asks the user (host key, passphrase, ...). Protocol code
// never opens a dialog: it awaits a prompt, the UI answers it by id.
import { z } from 'zod';

export const hostKeyDecisions = ['acceptAndRemember', 'connectOnce', 'cancel'] as const;

export const promptSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    kind: z.literal('hostKey'),
    host: z.string(),
    port: z.number(),
    keyType: z.string(),
    fingerprint: z.string(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('passphrase'),
    /** What the passphrase unlocks (file name or key comment). */
    keyName: z.string(),
    /** Set when the previous try was wrong. */
    retry: z.boolean(),
  }),
]);
export type Prompt = z.infer<typeof promptSchema>;
export type PromptKind = Prompt['kind'];

export const promptAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hostKey'), decision: z.enum(hostKeyDecisions) }),
  /** null = cancelled. */
  z.object({ kind: z.literal('passphrase'), passphrase: z.string().max(1024).nullable() }),
]);
export type PromptAnswer = z.infer<typeof promptAnswerSchema>;
export type AnswerOf<K extends PromptKind> = Extract<PromptAnswer, { kind: K }>;
