export const coreErrorCodes = [
  'internal',
  'bridge.disconnected',
  'invalidInput',
  'storage.corruptMovedAside',
  'storage.writeFailed',
  'profile.notFound',
  'session.notFound',
  // params: {profile} — no user in the profile and first use not done.
  'session.userMissing',
  'keys.unlockCancelled',
  // params: {path} — a relative path typed where a file is meant (key file, profile).
  'path.notAbsolute',
] as const;
