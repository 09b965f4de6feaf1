// Message numbers and flags of the SSH agent protocol (draft-miller-ssh-agent,
// OpenSSH's PROTOCOL.agent). Only what we speak or must recognise.

export const AgentMessage = {
  FAILURE: 5,
  SUCCESS: 6,
  REQUEST_IDENTITIES: 11,
  IDENTITIES_ANSWER: 12,
  SIGN_REQUEST: 13,
  SIGN_RESPONSE: 14,
  ADD_IDENTITY: 17,
  REMOVE_IDENTITY: 18,
  REMOVE_ALL_IDENTITIES: 19,
  LOCK: 22,
  UNLOCK: 23,
  ADD_ID_CONSTRAINED: 25,
  EXTENSION: 27,
  EXTENSION_FAILURE: 28,
  EXTENSION_RESPONSE: 29,
} as const;

/** Sign request flags: which hash an `ssh-rsa` key signs with. */
export const SignFlags = {
  RSA_SHA2_256: 2,
  RSA_SHA2_512: 4,
} as const;

export const Constraint = {
  LIFETIME: 1,
  CONFIRM: 2,
  /** OpenSSH's `name@domain` constraint extension (restrict-destination, sk-provider). */
  EXTENSION: 255,
} as const;

/**
 * OpenSSH's ssh-agent closes a connection whose message announces more than
 * 256 KiB (AGENT_MAX_LEN); we do the same so a client cannot make us buffer
 * without bound.
 */
export const MAX_MESSAGE_LENGTH = 256 * 1024;

export const EXT_QUERY = 'query';
export const EXT_SESSION_BIND = 'session-bind@openssh.com';
/** Extensions we answer to `query`. */
export const SUPPORTED_EXTENSIONS: readonly string[] = [EXT_QUERY, EXT_SESSION_BIND];
