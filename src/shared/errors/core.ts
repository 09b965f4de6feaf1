export const coreErrorCodes = [
  'internal',
  'bridge.disconnected',
  'invalidInput',
  'storage.corruptMovedAside',
  'storage.writeFailed',
  'profile.notFound',
] as const;
