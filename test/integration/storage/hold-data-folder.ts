// Child process for the instance-lock test: starts a real backend on the data
// folder given as argument, says HELD, and waits to be killed.
import { createBackend } from '../../../src/main/app/backend';
import { createMemoryLogger } from '../../../src/main/core/log';
import { nodeConfFactory } from '../../../src/main/storage/node-conf';

const dataDir = process.argv[2]!;
try {
  createBackend({
    dataDir,
    confFactory: nodeConfFactory,
    log: createMemoryLogger(),
    shell: { kind: 'browser', version: '0.0.0-test' },
  });
  process.stdout.write('HELD\n');
  setInterval(() => undefined, 60_000);
} catch (error) {
  process.stdout.write(`REFUSED ${(error as { code?: string }).code ?? String(error)}\n`);
  process.exit(3);
}
