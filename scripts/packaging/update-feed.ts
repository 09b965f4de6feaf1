// The update feed is chosen when the packages are built: FERNWARTUNG_UPDATE_URL
// names a folder on any HTTPS server that will hold the release files
// (latest.yml, latest-mac.yml, latest-linux.yml and the installers).
// electron-builder then writes resources/app-update.yml into the package, and
// the app checks that feed (src/main/electron/updater.ts). Without it there is
// no app-update.yml and the app never looks for updates.

export const UPDATE_URL_VARIABLE = 'FERNWARTUNG_UPDATE_URL';

/** electron-builder arguments for the feed in `env`, or none when it is not set. */
export function publishArguments(env: NodeJS.ProcessEnv): string[] {
  const value = env[UPDATE_URL_VARIABLE]?.trim();
  if (!value) return [];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${UPDATE_URL_VARIABLE} is not a URL: ${value}`);
  }
  // The installers' checksums come from the feed: over plain HTTP anyone on the
  // way could hand out another program.
  if (url.protocol !== 'https:') throw new Error(`${UPDATE_URL_VARIABLE} must be an https: URL`);
  if (url.username || url.password) throw new Error(`${UPDATE_URL_VARIABLE} must not carry credentials`);
  return ['-c.publish.provider=generic', `-c.publish.url=${url.href}`];
}
