// The system tools the tests run for real (OpenSSH, puttygen, Debian's Chromium, makensis),
// checked first by `npm test`: as root on Debian or Ubuntu the missing ones are
// installed with apt-get; otherwise `npm test` stops with the one command to run.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * What the tests need: a name, how to find it (an absolute path, or a command
 * looked up in PATH) and the Debian package that brings it.
 */
export function systemTools(env = process.env) {
  return [
    { name: 'sshd', find: '/usr/sbin/sshd', package: 'openssh-server' },
    { name: 'ssh', find: 'ssh', package: 'openssh-client' },
    { name: 'ssh-add', find: 'ssh-add', package: 'openssh-client' },
    { name: 'ssh-keygen', find: 'ssh-keygen', package: 'openssh-client' },
    { name: 'ssh-agent', find: 'ssh-agent', package: 'openssh-client' },
    { name: 'puttygen', find: 'puttygen', package: 'putty-tools' },
    { name: 'chromium', find: env.CHROMIUM_PATH || '/usr/bin/chromium', package: 'chromium' },
    // Compiles the Windows installer's include script (test/integration/packaging).
    { name: 'makensis', find: 'makensis', package: 'nsis' },
  ];
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The tools of `tools` that cannot be found (absolute paths must exist, names must be in PATH). */
export function findMissingTools(tools = systemTools(), env = process.env) {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  return tools.filter((tool) =>
    isAbsolute(tool.find) ? !existsSync(tool.find) : !dirs.some((dir) => isExecutable(join(dir, tool.find))),
  );
}

function osReleaseIds(osRelease) {
  const ids = [];
  for (const line of (osRelease ?? '').split('\n')) {
    const match = /^(ID|ID_LIKE)=(.*)$/.exec(line.trim());
    if (!match) continue;
    const value = match[2].replace(/^["']|["']$/g, '').toLowerCase();
    ids.push(...value.split(/\s+/));
  }
  return ids.filter(Boolean);
}

/**
 * What to do about the missing tools, decided without touching the system.
 * `missing`: tool names as in systemTools(); `osRelease`: the text of
 * /etc/os-release, or null when there is none.
 * Returns {action: 'none'} | {action: 'install', packages} | {action: 'stop', command, message}
 * (command is null where no apt-get command applies).
 */
export function planSystemTools({ missing, isRoot, osRelease }) {
  if (missing.length === 0) return { action: 'none' };
  const table = systemTools({});
  const packages = [];
  for (const name of missing) {
    const tool = table.find((t) => t.name === name);
    if (!tool) throw new Error(`unknown system tool: ${name}`);
    if (!packages.includes(tool.package)) packages.push(tool.package);
  }
  const ids = osReleaseIds(osRelease);
  const apt = ids.includes('debian') || ids.includes('ubuntu');
  if (apt && isRoot) return { action: 'install', packages };
  if (apt) {
    const command = `sudo apt-get install -y ${packages.join(' ')}`;
    return {
      action: 'stop',
      command,
      message: `Missing for the tests: ${missing.join(', ')}. Install with:\n  ${command}`,
    };
  }
  return {
    action: 'stop',
    command: null,
    message:
      `Missing for the tests: ${missing.join(', ')} (Debian packages: ${packages.join(', ')}). ` +
      "Install them with your system's package manager.",
  };
}

function readOsRelease() {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return null;
  }
}

/**
 * Checks the tools and installs what is missing when planSystemTools says so.
 * Returns {ok: true} or {ok: false, message}.
 */
export function ensureSystemTools({
  env = process.env,
  isRoot = process.getuid?.() === 0,
  osRelease = readOsRelease(),
  log = (line) => process.stdout.write(`${line}\n`),
} = {}) {
  const tools = systemTools(env);
  const missing = findMissingTools(tools, env).map((t) => t.name);
  const plan = planSystemTools({ missing, isRoot, osRelease });
  if (plan.action === 'none') return { ok: true };
  if (plan.action === 'stop') return { ok: false, message: plan.message };

  log(`system tools: ${missing.join(', ')} missing; installing ${plan.packages.join(' ')} with apt-get`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'], env: aptEnv };
  const update = spawnSync('apt-get', ['update', '-qq'], quiet);
  const install =
    update.status === 0 &&
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...plan.packages], quiet);

  const still = findMissingTools(tools, env).map((t) => t.name);
  if (still.length === 0) {
    log('system tools: installed');
    return { ok: true };
  }
  const failed = update.status !== 0 ? 'apt-get update' : install.status !== 0 ? 'apt-get install' : null;
  return {
    ok: false,
    message:
      `Still missing after apt-get: ${still.join(', ')}` +
      (failed ? ` (${failed} failed, see above).` : '.') +
      (still.includes('chromium') ? ' Chromium elsewhere: set CHROMIUM_PATH to its executable.' : ''),
  };
}
