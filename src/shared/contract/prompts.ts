// Questions main asks the user (host key, passphrase, ...). Protocol code
// never opens a dialog: it awaits a prompt, the UI answers it by id.
import { z } from 'zod';

export const hostKeyDecisions = ['acceptAndRemember', 'connectOnce', 'cancel'] as const;

/** Which step of a login asks: the portal (hop 1) or the backup server behind it. */
export const hopSchema = z.object({
  role: z.enum(['portal', 'backup']),
  host: z.string(),
  port: z.number(),
  /** 1-based: "Schritt 1 von 2". */
  index: z.number().int().min(1),
  count: z.number().int().min(1),
});
export type Hop = z.infer<typeof hopSchema>;

export const promptSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    kind: z.literal('hostKey'),
    host: z.string(),
    port: z.number(),
    keyType: z.string(),
    fingerprint: z.string(),
    /** Set when a connection goes through a portal: which hop presents the key. */
    hop: hopSchema.optional(),
  }),
  /**
   * A server asks questions after the key was accepted (DUO's menu, a
   * passcode). The raw prompts are always shown and can be answered as typed;
   * the renderer turns Duo's menu into buttons (shared/duo/duo-prompt.ts).
   */
  z.object({
    id: z.string(),
    kind: z.literal('keyboardInteractive'),
    hop: hopSchema,
    username: z.string(),
    name: z.string(),
    instructions: z.string(),
    prompts: z.array(z.object({ prompt: z.string(), echo: z.boolean() })),
    /** Epoch milliseconds after which this hop gives up waiting. */
    deadline: z.number(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('passphrase'),
    /** What the passphrase unlocks (file name or key comment). */
    keyName: z.string(),
    /** Set when the previous try was wrong. */
    retry: z.boolean(),
  }),
  /** A confirm-each-use key (ssh-add -c) is about to sign: allow or deny. */
  z.object({
    id: z.string(),
    kind: z.literal('confirmUse'),
    keyType: z.string(),
    keyComment: z.string(),
    keyFingerprint: z.string(),
    /** `user@host:port` of the app's own connection, or the host a socket client bound its session to. */
    destination: z.string().nullable(),
    /** `app` = a Fernwartung connection; `socket` = ssh, git, ... through SSH_AUTH_SOCK. */
    client: z.enum(['app', 'socket']),
    /** The request comes through agent forwarding (a remote host asks). */
    forwarded: z.boolean(),
    /** Epoch milliseconds after which the agent denies on its own. */
    deadline: z.number(),
  }),
]);
export type Prompt = z.infer<typeof promptSchema>;
export type PromptKind = Prompt['kind'];

export const promptAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hostKey'), decision: z.enum(hostKeyDecisions) }),
  /** One answer per prompt; null = cancel the login. */
  z.object({
    kind: z.literal('keyboardInteractive'),
    answers: z.array(z.string().max(1024)).max(16).nullable(),
  }),
  /** null = cancelled. */
  z.object({ kind: z.literal('passphrase'), passphrase: z.string().max(1024).nullable() }),
  z.object({ kind: z.literal('confirmUse'), allow: z.boolean() }),
]);
export type PromptAnswer = z.infer<typeof promptAnswerSchema>;
export type AnswerOf<K extends PromptKind> = Extract<PromptAnswer, { kind: K }>;
