export const coreErrorCodes = [
  'internal',
  'invalidInput',
  'storage.corruptMovedAside',
  'storage.writeFailed',
  'profile.notFound',
] as const;
