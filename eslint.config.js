// Lint, including the layer rules (as VS Code does): each layer imports only
// the layers below it. Only src/main/electron and src/preload may import
// `electron`; the renderer sees nothing of the project but src/shared.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronOnlyHere = 'Only src/main/electron/ and src/preload/ may import electron.';
const noElectron = { name: 'electron', message: electronOnlyHere };
const noNode = {
  group: ['node:*'],
  message: 'The renderer and src/shared run in a browser: no Node modules.',
};
const layer = (folders, message) => ({ group: folders.map((f) => `**/${f}/**`), message });

export default tseslint.config(
  { ignores: ['.tmp/**', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            layer(['renderer', 'host', 'preload'], 'src/main may import only src/main and src/shared.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(['renderer', 'host', 'preload'], 'src/main may import only src/main and src/shared.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            layer(
              ['main', 'renderer', 'host'],
              'The preload exposes the contract: it imports only src/shared.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            layer(
              ['renderer', 'preload'],
              'The host serves the built renderer; it imports src/main and src/shared.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            noNode,
            layer(
              ['main', 'renderer', 'host', 'preload'],
              'src/shared is the contract: it imports nothing of the other layers.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            noNode,
            layer(['main', 'host', 'preload'], 'The renderer knows only the contract in src/shared.'),
          ],
        },
      ],
    },
  },
);
