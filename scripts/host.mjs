// `npm run host`: builds what is stale (build output goes to stderr, so the
// host's stdout keeps only its KEY=value lines), then runs the headless host
// with the given flags. Tools that read stdout use `npm run --silent host`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

const built = ['out/host/index.js', 'out/renderer/index.html'];
const stale =
  built.some((f) => !existsSync(f)) || newest('src') > Math.min(...built.map((f) => statSync(f).mtimeMs));
if (stale) {
  process.stderr.write('host: building the app first …\n');
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    stdio: ['ignore', process.stderr, 'inherit'],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const host = spawn(process.execPath, ['out/host/index.js', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
