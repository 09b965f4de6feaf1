// `npm test`: first the system tools the tests run (system-tools.mjs installs
// missing ones with apt-get as root on Debian/Ubuntu, or stops with the command to
// run), then typecheck, lint, the build, unit and integration tests (the
// packaging test reads the build), and the end-to-end tests in Debian's Chromium. Stops at the first failing step and
// ends with one line counting every test that ran.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureSystemTools } from './system-tools.mjs';

const tools = ensureSystemTools();
if (!tools.ok) {
  process.stdout.write(`\nnpm test cannot run: ${tools.message}\n`);
  process.stdout.write('\nTests: 0 passed, 1 failed, 0 skipped\n');
  process.exit(1);
}

mkdirSync('.tmp', { recursive: true });
const vitestReport = '.tmp/vitest-report.json';
const playwrightReport = '.tmp/playwright-report.json';
rmSync(vitestReport, { force: true });
rmSync(playwrightReport, { force: true });

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npm', ['run', '--silent', 'build']],
  [
    'unit + integration',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
  ],
  [
    'e2e',
    'npx',
    ['playwright', 'test', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
  ],
];

function counts() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  try {
    const v = JSON.parse(readFileSync(vitestReport, 'utf8'));
    passed += v.numPassedTests;
    failed += v.numFailedTests;
    skipped += v.numPendingTests + v.numTodoTests;
  } catch {
    /* step did not run */
  }
  try {
    const p = JSON.parse(readFileSync(playwrightReport, 'utf8')).stats;
    passed += p.expected + p.flaky;
    failed += p.unexpected;
    skipped += p.skipped;
  } catch {
    /* step did not run */
  }
  return { passed, failed, skipped };
}

let failedStep;
for (const [name, command, args, env] of steps) {
  const started = Date.now();
  process.stdout.write(`\n=== ${name}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  process.stdout.write(
    `=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  if (result.status !== 0) {
    failedStep = name;
    break;
  }
}
const { passed, failed, skipped } = counts();
// A step that fails outside the test runners (typecheck, lint, build) counts as one failure.
if (failedStep) process.stdout.write(`\nnpm test failed in step: ${failedStep}\n`);
process.stdout.write(
  `\nTests: ${passed} passed, ${failed + (failedStep && failed === 0 ? 1 : 0)} failed, ${skipped} skipped\n`,
);
process.exit(failedStep ? 1 : 0);
