// Decoding of client requests. Our own codec rather than ssh2's
// AgentProtocol: that one answers only list and sign and does not skip the
// body of a message it does not know, so OpenSSH 8.9+'s first message
// (EXTENSION session-bind@openssh.com) breaks the stream and `ssh` reports
// "agent refused operation". Here every frame is decoded on its own; a body
// we cannot read (a ProtocolError or a short read) becomes a `malformed`
// request (answered FAILURE), never a broken stream. Any other exception is
// a decoder bug and is thrown on, so it cannot pass for bad input.
import { WireReader } from '../../core/wire';
import type { KeyConstraints } from '../types';
import { AgentMessage } from './constants';
import { readConstraints } from './constraints';
import { readKeyMaterial, type ParsedKeyMaterial } from './key-material';
import { isMalformedInput } from './protocol-error';

export type AgentRequest =
  | { type: 'requestIdentities' }
  | { type: 'sign'; keyBlob: Buffer; data: Buffer; flags: number }
  | { type: 'addIdentity'; material: ParsedKeyMaterial; constraints: KeyConstraints; constrained: boolean }
  | { type: 'removeIdentity'; keyBlob: Buffer }
  | { type: 'removeAll' }
  | { type: 'lock'; passphrase: Buffer }
  | { type: 'unlock'; passphrase: Buffer }
  | { type: 'extension'; name: string; contents: Buffer }
  /** A message number we do not implement (including SSH1's). */
  | { type: 'unknown'; code: number }
  /** A known message whose body did not parse. */
  | { type: 'malformed'; code: number; reason: string };

export function decodeRequest(body: Buffer): AgentRequest {
  if (body.length === 0) return { type: 'malformed', code: -1, reason: 'empty message' };
  const code = body[0]!;
  const reader = new WireReader(body.subarray(1));
  try {
    switch (code) {
      case AgentMessage.REQUEST_IDENTITIES:
        reader.end();
        return { type: 'requestIdentities' };
      case AgentMessage.SIGN_REQUEST: {
        const keyBlob = reader.string();
        const data = reader.string();
        const flags = reader.uint32();
        reader.end();
        return { type: 'sign', keyBlob, data, flags };
      }
      case AgentMessage.ADD_IDENTITY:
      case AgentMessage.ADD_ID_CONSTRAINED: {
        const material = readKeyMaterial(reader);
        const constrained = code === AgentMessage.ADD_ID_CONSTRAINED;
        // An unsupported key's layout is unknown: its constraints cannot be
        // found, and the key is refused whatever they say.
        if (material.kind === 'unsupported')
          return { type: 'addIdentity', material, constraints: {}, constrained };
        const constraints = constrained ? readConstraints(reader) : (reader.end(), {});
        return { type: 'addIdentity', material, constraints, constrained };
      }
      case AgentMessage.REMOVE_IDENTITY: {
        const keyBlob = reader.string();
        reader.end();
        return { type: 'removeIdentity', keyBlob };
      }
      case AgentMessage.REMOVE_ALL_IDENTITIES:
        reader.end();
        return { type: 'removeAll' };
      case AgentMessage.LOCK:
      case AgentMessage.UNLOCK: {
        const passphrase = reader.string();
        reader.end();
        return { type: code === AgentMessage.LOCK ? 'lock' : 'unlock', passphrase };
      }
      case AgentMessage.EXTENSION: {
        const name = reader.text();
        // OpenSSH puts the extension's fields right after the name (not in a
        // nested string, unlike early drafts).
        return { type: 'extension', name, contents: reader.rest() };
      }
      default:
        return { type: 'unknown', code };
    }
  } catch (error) {
    if (isMalformedInput(error)) return { type: 'malformed', code, reason: error.message };
    throw error;
  }
}
