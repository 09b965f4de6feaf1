// dependency-cruiser: the tiers inside src/main and no import cycles anywhere in
// src/, run by `npm run lint`, each rule proven by test/unit/lint/tier-rules.test.ts.
// The outer layers (shared, renderer, preload, host, electron) stay ESLint's job
// (eslint.config.js). See docs/ARCHITECTURE.md.
//
// Tiers in src/main, lowest first; each imports only its own tier and those below:
//   0 core/          logging, AppError, user paths, SSH wire codec
//   1 capabilities   keys/ agent/ ssh/ terminal/ storage/ prompts/ contract/ moving-in/
//   2 services/
//   3 app/           composition root and handlers (and files directly in src/main)
//   4 electron/      anything in src/main
// All of src/main may import src/shared. A folder of src/main that is in no tier
// is an error of its own, and importing it counts as importing upward.
//
// Type-only imports count (tsPreCompilationDeps): an `import type` makes a cycle or
// breaks a tier as much as a value import does, though the compiled JS drops it.

const capabilities = ['keys', 'agent', 'ssh', 'terminal', 'storage', 'prompts', 'contract', 'moving-in'];
const tiers = ['core', ...capabilities, 'services', 'app', 'electron'];

const folders = (names) => `^src/main/(${names.join('|')})/`;
const shared = '^src/shared/';
// Files directly in src/main (no folder) belong to the app tier.
const mainRootFile = '^src/main/[^/]+$';
const capabilityList = capabilities.join(', ');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import cycle (type-only imports count too). Break it: move the piece both sides ' +
        'need (often a type) into a module of its own that both import, or pass it in.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-imports-upward',
      severity: 'error',
      comment:
        'src/main/core/ is the lowest tier: it imports only core/ and src/shared. ' +
        'Move what core needs down into core/, or let the caller pass it in.',
      from: { path: folders(['core']) },
      to: { path: '^src/', pathNot: [folders(['core']), shared] },
    },
    {
      name: 'capability-imports-upward',
      severity: 'error',
      comment:
        `Capabilities (${capabilityList}) import only core/, each other and src/shared; ` +
        'never services/, app/ or electron/. Move the shared piece down, or let the ' +
        'higher tier pass it in.',
      from: { path: folders(capabilities) },
      to: { path: '^src/', pathNot: [folders(['core', ...capabilities]), shared] },
    },
    {
      name: 'services-imports-upward',
      severity: 'error',
      comment:
        'services/ imports only core/, the capabilities, services/ and src/shared; never ' +
        'app/ or electron/. Move the shared piece down, or let app/ pass it in.',
      from: { path: folders(['services']) },
      to: { path: '^src/', pathNot: [folders(['core', ...capabilities, 'services']), shared] },
    },
    {
      name: 'app-imports-upward',
      severity: 'error',
      comment:
        'app/ (and any file directly in src/main) imports core/, the capabilities, ' +
        'services/, app/ and src/shared; never electron/. Electron hands app/ what it ' +
        'needs from above.',
      from: { path: [folders(['app']), mainRootFile] },
      to: {
        path: '^src/',
        pathNot: [folders(['core', ...capabilities, 'services', 'app']), mainRootFile, shared],
      },
    },
    {
      name: 'main-folder-not-in-a-tier',
      severity: 'error',
      comment:
        `Every folder in src/main belongs to a tier: core/, a capability (${capabilityList}), ` +
        'services/, app/ or electron/. Move this file into one, or add a new capability ' +
        'to the list in .dependency-cruiser.cjs.',
      from: { path: '^src/main/[^/]+/', pathNot: folders(tiers) },
      to: { path: '^src/main/' },
    },
    {
      name: 'log-only-through-core-log',
      severity: 'error',
      comment:
        'Log through the Logger of src/main/core/log.ts (fixed texts and checked fields, so no ' +
        'secret reaches a log line); electron-log itself is imported only there and in ' +
        'src/main/electron/main-log.ts.',
      from: { path: '^src/', pathNot: ['^src/main/core/log[.]ts$', '^src/main/electron/main-log[.]ts$'] },
      to: { path: 'node_modules/electron-log/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    // No path aliases in either tsconfig; the compiler options (moduleResolution
    // Bundler) are the same for the renderer's .tsx, whose imports resolve alike.
    tsConfig: { fileName: 'tsconfig.node.json' },
    skipAnalysisNotInRules: true,
  },
};
