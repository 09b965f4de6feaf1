// The headless host: the same backend as Electron's main, bundled for plain
// Node into out/host (never packaged). Dependencies stay external.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    ssr: true,
    outDir: 'out/host',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: {
        index: resolve('src/host/index.ts'),
        'key-worker': resolve('src/main/keys/worker/key-worker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
