// `npm run dist -- --win|--mac|--linux [electron-builder options]`: builds the
// app, then the installers, with the update feed from FERNWARTUNG_UPDATE_URL
// when it is set (update-feed.ts). Signing is electron-builder's own, from
// CSC_LINK / CSC_KEY_PASSWORD (WIN_CSC_LINK for Windows), and APPLE_ID /
// APPLE_APP_SPECIFIC_PASSWORD / APPLE_TEAM_ID for notarizing; without them the
// packages are unsigned.
import { spawnSync } from 'node:child_process';
import { publishArguments, UPDATE_URL_VARIABLE } from './update-feed';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

let feed: string[];
try {
  feed = publishArguments(process.env);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
process.stdout.write(
  feed.length
    ? `Updates: from ${process.env[UPDATE_URL_VARIABLE]}\n`
    : `Updates: off (${UPDATE_URL_VARIABLE} not set)\n`,
);
run('npm', ['run', '--silent', 'build']);
// --publish never: electron-builder uploads nothing; the release files are copied to the feed by hand.
run('npx', ['electron-builder', ...process.argv.slice(2), ...feed, '--publish', 'never']);
