export const coreErrorCodes = [
  'internal',
  'bridge.disconnected',
  'invalidInput',
  'storage.corruptMovedAside',
  'storage.writeFailed',
  // The data folder was open to others and was made owner-only. params: {folder, mode} (the old mode, octal)
  'storage.folderTightened',
  // Another Fernwartung (desktop app or host) uses this data folder. params: {folder, pid}
  'storage.dataFolderInUse',
  'profile.notFound',
  'session.notFound',
  // params: {profile} — no user in the profile and first use not done.
  'session.userMissing',
  // Backupserver with an IP address: the portal cannot be derived. params: {host}
  'profile.portalRequired',
  // params: {host} — not a name or address a Backupserver can be reached at.
  'profile.hostInvalid',
  // The e-mail address (sent as EMAIL) is not set: connecting shows this notice.
  'session.emailMissing',
  // A kept connection is gone (closed, dropped). params: {id}
  'connection.notFound',
  // An automatic reconnect found no kept connection: a new login waits for the user.
  'session.notKept',
  'keys.unlockCancelled',
  // params: {path} — a relative path typed where a file is meant (key file, profile).
  'path.notAbsolute',
  // Session logging stopped for one session (the session goes on). params: {file, detail}
  'sessionLog.writeFailed',
  // The settings' log folder is relative. params: {folder}
  'sessionLog.folderNotAbsolute',
] as const;
