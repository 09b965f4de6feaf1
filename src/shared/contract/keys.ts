// The key wizard: create a new key or take an existing one, load it into the
// agent and make it the default. No call ever returns private material.
import { z } from 'zod';
import { call, noInput } from './define';
import { emailSchema } from '../model/settings';

/** The vendor accepts ED25519 or RSA of exactly 4096 bits; nothing else is offered. */
export const newKeyTypes = ['ed25519', 'rsa4096'] as const;
export const newKeyTypeSchema = z.enum(newKeyTypes);
export type NewKeyType = z.infer<typeof newKeyTypeSchema>;

/** Shortest passphrase the wizard accepts for a new key. */
export const MIN_PASSPHRASE_LENGTH = 12;
export const MAX_PASSPHRASE_LENGTH = 1024;

/** A file path on the machine running the backend; `~/` means the home folder. */
export const keyPathSchema = z.string().trim().min(1).max(4096);

/** What the app tells of a key anywhere (wizard, agent, imports): never private material. */
export const keyInfoSchema = z.object({
  /** Wire type name: `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`, `ssh-dss`, ... */
  type: z.string(),
  /** Key size in bits (RSA modulus, 256 for ED25519, curve size for ECDSA). */
  bits: z.number().int(),
  comment: z.string(),
  /** `SHA256:<base64 without padding>`, as `ssh-keygen -l` prints it. */
  fingerprint: z.string(),
  /** OpenSSH public key line: `<type> <base64 blob>[ <comment>]` (no comment part when the comment is empty). */
  publicKey: z.string(),
});
export type KeyInfo = z.infer<typeof keyInfoSchema>;

export const keyResultSchema = keyInfoSchema.extend({
  /** The private key file, now the default key. */
  path: z.string(),
  /** The OpenSSH public key file next to it (new keys only). */
  publicKeyPath: z.string().nullable(),
  /** The PuTTY copy (new keys with ppkCopy only). */
  ppkPath: z.string().nullable(),
});
export type KeyResult = z.infer<typeof keyResultSchema>;

export const keyStatusSchema = z.object({
  /** Keys the app's agent holds right now. */
  agentKeyCount: z.number().int().min(0),
  defaultKeyPath: z.string(),
});
export type KeyStatus = z.infer<typeof keyStatusSchema>;

export const generateKeyInputSchema = z.object({
  type: newKeyTypeSchema,
  /** The person's e-mail address (the vendor's convention for the comment). */
  comment: emailSchema,
  passphrase: z.string().min(MIN_PASSPHRASE_LENGTH).max(MAX_PASSPHRASE_LENGTH),
  path: keyPathSchema,
  /** Replace existing files (the UI asks first). */
  overwrite: z.boolean().default(false),
  /** Also write a PuTTY .ppk copy (same passphrase) next to it. */
  ppkCopy: z.boolean().default(false),
});

export const keyCalls = {
  /** Whether any key is known yet (first run offers the wizard when none is). */
  'keys.status': call(noInput, keyStatusSchema),
  /** A free default location in the user's data folder for a new key of that type. */
  'keys.defaultPath': call(z.object({ type: newKeyTypeSchema }), z.object({ path: z.string() })),
  /** Generates, writes (0600, atomic, never overwriting unasked), loads into the agent, sets the default. */
  'keys.generate': call(generateKeyInputSchema, keyResultSchema),
  /** Imports an OpenSSH or .ppk file, loads it into the agent, sets the default. */
  'keys.importFile': call(
    z.object({ path: keyPathSchema, passphrase: z.string().max(MAX_PASSPHRASE_LENGTH).optional() }),
    keyResultSchema,
  ),
};

export const keyEvents = {};
