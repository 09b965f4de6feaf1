import { defineConfig } from 'vitest/config';

// Two projects: `unit` is the fast loop (no external processes), `integration`
// talks to real OpenSSH, ssh-keygen, puttygen and sockets.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // Projects with different worker settings must run in separate groups.
          sequence: { groupOrder: 0 },
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          sequence: { groupOrder: 1 },
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // sshd, agents and key derivation are CPU-heavy on 2 cores.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
