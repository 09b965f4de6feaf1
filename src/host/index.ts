// The headless host: the backend in plain Node plus the built renderer over
// HTTP on 127.0.0.1. stdout carries only `KEY=value` lines (tests and tools
// read them); everything else goes to stderr.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../main/app/backend';
import { startRefusal } from '../main/app/start-refusal';
import { defaultDataDir } from '../main/core/data-dir';
import { createNodeLogger } from '../main/core/log';
import { resolveCommandLinePath } from '../main/core/user-path';
import { nodeConfFactory } from '../main/storage/node-conf';
import { parseHostArgs } from './args';
import { startHostServer } from './server';

declare const __APP_VERSION__: string;

/** One write for all lines, so a reader never sees only some of them. */
function say(lines: Array<[string, string | null]>): void {
  process.stdout.write(lines.map(([key, value]) => (value === null ? '' : `${key}=${value}\n`)).join(''));
}

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2));
  const dataDir = resolve(args.dataDir ?? defaultDataDir());
  const log = createNodeLogger({ file: join(dataDir, 'logs', 'host.log') });
  const backend = createBackend({
    dataDir,
    confFactory: nodeConfFactory,
    log,
    shell: { kind: 'browser', version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev' },
    agentSocket: resolve(args.agentSocket ?? join(dataDir, 'agent', 'agent.sock')),
    // Like Pageant's arguments: passphrases are asked once a window connects.
    agentKeyFiles: args.keyFiles.map((file) => resolveCommandLinePath(file, process.cwd())),
    home: args.home === undefined ? undefined : resolveCommandLinePath(args.home, process.cwd()),
    sessionViewerGraceMs: args.sessionGraceMs,
  });
  await backend.agentService.ready();
  const here = dirname(fileURLToPath(import.meta.url));
  const server = await startHostServer({
    backend,
    rendererDir: join(here, '..', 'renderer'),
    port: args.port,
    log,
  });
  say([
    ['FERNWARTUNG_URL', server.url],
    ['FERNWARTUNG_DATA_DIR', dataDir],
    // Left out when the socket could not start (the agent view says why).
    ['SSH_AUTH_SOCK', backend.agentService.socketPath],
  ]);
  log.info('host: serving on 127.0.0.1', { port: server.port, path: dataDir });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('host: stopping', { reason: signal });
    await server.close();
    await backend.dispose();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  // Another instance holds the data folder, the port is taken, or a bug: one sentence, naming the kind.
  const { title, message } = startRefusal(error, process.env.LC_ALL || process.env.LANG || '');
  process.stderr.write(`host: ${title}: ${message}\n`);
  process.exit(1);
});
