// Codes of the key wizard, importers and the vendor's key policy.
export const keyErrorCodes = [
  // params: {type, bits?} — the key found; the message names what is accepted.
  'keys.policyRefused',
] as const;
