// Encoders for every message of the protocol, both directions: agent
// replies for our server, and client requests for tests, the benchmark and
// anything in the app that talks to an agent.
import { WireWriter } from '../../core/wire';
import type { KeyConstraints } from '../types';
import { AgentMessage, EXT_QUERY } from './constants';
import { writeConstraints } from './constraints';

export interface IdentityEntry {
  blob: Buffer;
  comment: string;
}

// --- agent → client ---------------------------------------------------------

export const failure = (): Buffer => Buffer.from([AgentMessage.FAILURE]);
export const success = (): Buffer => Buffer.from([AgentMessage.SUCCESS]);

export function identitiesAnswer(identities: readonly IdentityEntry[]): Buffer {
  const writer = new WireWriter().byte(AgentMessage.IDENTITIES_ANSWER).uint32(identities.length);
  for (const id of identities) writer.string(id.blob).string(id.comment);
  return writer.toBuffer();
}

export function signResponse(signatureBlob: Buffer): Buffer {
  return new WireWriter().byte(AgentMessage.SIGN_RESPONSE).string(signatureBlob).toBuffer();
}

/**
 * Reply to the `query` extension (RFC 9987 / draft-ietf-sshm-ssh-agent):
 * EXTENSION_RESPONSE, the extension's name, then one string per supported
 * extension.
 */
export function queryResponse(names: readonly string[]): Buffer {
  const writer = new WireWriter().byte(AgentMessage.EXTENSION_RESPONSE).string(EXT_QUERY);
  for (const name of names) writer.string(name);
  return writer.toBuffer();
}

// --- client → agent ---------------------------------------------------------

export const requestIdentities = (): Buffer => Buffer.from([AgentMessage.REQUEST_IDENTITIES]);

export function signRequest(keyBlob: Buffer, data: Buffer, flags = 0): Buffer {
  return new WireWriter()
    .byte(AgentMessage.SIGN_REQUEST)
    .string(keyBlob)
    .string(data)
    .uint32(flags)
    .toBuffer();
}

/** ADD_IDENTITY / ADD_ID_CONSTRAINED around an already encoded `type || key fields || comment`. */
export function addIdentity(keyFields: Buffer, constraints?: KeyConstraints): Buffer {
  const parts = constraints ? writeConstraints(constraints) : [];
  const code = parts.length > 0 ? AgentMessage.ADD_ID_CONSTRAINED : AgentMessage.ADD_IDENTITY;
  return Buffer.concat([Buffer.from([code]), keyFields, ...parts]);
}

export function removeIdentity(keyBlob: Buffer): Buffer {
  return new WireWriter().byte(AgentMessage.REMOVE_IDENTITY).string(keyBlob).toBuffer();
}

export const removeAllIdentities = (): Buffer => Buffer.from([AgentMessage.REMOVE_ALL_IDENTITIES]);

export function lock(passphrase: Buffer | string): Buffer {
  return new WireWriter().byte(AgentMessage.LOCK).string(passphrase).toBuffer();
}

export function unlock(passphrase: Buffer | string): Buffer {
  return new WireWriter().byte(AgentMessage.UNLOCK).string(passphrase).toBuffer();
}

export function extension(name: string, contents: Buffer = Buffer.alloc(0)): Buffer {
  return Buffer.concat([new WireWriter().byte(AgentMessage.EXTENSION).string(name).toBuffer(), contents]);
}

export function sessionBindContents(
  hostKey: Buffer,
  sessionId: Buffer,
  signature: Buffer,
  forwarding: boolean,
): Buffer {
  return new WireWriter().string(hostKey).string(sessionId).string(signature).boolean(forwarding).toBuffer();
}
