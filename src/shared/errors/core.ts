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
] as const;
