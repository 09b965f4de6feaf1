// `npm run bench`: runs each benchmark in turn. Each prints its figures and
// its ratio against OpenSSH measured in the same run. Not a test.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

// The browser bench runs the built host: build first (output to stderr, figures stay on stdout).
const build = spawnSync('npm', ['run', '--silent', 'build'], {
  stdio: ['ignore', process.stderr, 'inherit'],
});
if (build.status !== 0) process.exit(build.status ?? 1);

let failed = 0;
for (const file of benches) {
  process.stdout.write(`\n### ${file}\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
