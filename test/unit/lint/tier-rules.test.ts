// The tier rules and the cycle ban of .dependency-cruiser.cjs, shown failing on
// small trees laid out like src/ in a temporary folder, cruised with the
// project's own config (as `npm run lint` does).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();
const configFile = '.dependency-cruiser.cjs';

let options: ICruiseOptions;
let tsConfig: ReturnType<typeof extractTSConfig>;
let dir: string | undefined;

beforeAll(async () => {
  options = await extractDepcruiseOptions(resolve(root, configFile));
  tsConfig = extractTSConfig(resolve(root, options.tsConfig!.fileName!));
});

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

interface Violation {
  rule: string;
  from: string;
  to: string;
  /** For no-circular: the modules of the cycle, sorted. */
  cycle?: string[];
}

const unique = <T>(item: T, index: number, all: T[]) => all.indexOf(item) === index;

/** Writes `files` (paths relative to the tree's root) and cruises its src/. */
async function violations(
  files: Record<string, string>,
  { withNodeModules = false } = {},
): Promise<Violation[]> {
  dir = mkdtempSync(join(tmpdir(), 'fw-tier-rules-'));
  // The project's packages, for rules about importing one of them.
  if (withNodeModules) symlinkSync(resolve(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const [path, code] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), code);
  }
  const { output } = await cruise(['src'], { ...options, baseDir: dir }, {}, { tsConfig });
  const result = output as ICruiseResult;
  // Fail loudly on a fixture whose imports do not resolve: they would hide a violation.
  const unresolved = result.modules.flatMap((m) =>
    m.dependencies.filter((d) => d.couldNotResolve).map((d) => `${m.source} -> ${d.module}`),
  );
  expect(unresolved).toEqual([]);
  return result.summary.violations
    .map((v) => ({
      rule: v.rule.name,
      from: v.from,
      to: v.to,
      ...(v.cycle ? { cycle: [v.from, ...v.cycle.map((c) => c.name)].filter(unique).sort() } : {}),
    }))
    .sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`));
}

// Every fixture module exports a value `use` and a type `Shape`.
const value = (from: string) => `import { use as dep } from '${from}';\nexport const use = dep;\n`;
const typeOnly = (from: string) =>
  `import type { Shape as Dep } from '${from}';\nexport interface Shape { dep?: Dep }\n`;
const leaf = 'export const use = 1;\nexport interface Shape { n: number }\n';

describe('tier rules in src/main', () => {
  it('forbids a capability to import services/', async () => {
    expect(
      await violations({
        'src/main/keys/x.ts': value('../services/y'),
        'src/main/services/y.ts': leaf,
      }),
    ).toEqual([
      { rule: 'capability-imports-upward', from: 'src/main/keys/x.ts', to: 'src/main/services/y.ts' },
    ]);
  });

  it('forbids a capability to import app/ or electron/, a type-only import too', async () => {
    expect(
      await violations({
        'src/main/agent/x.ts': typeOnly('../app/a'),
        'src/main/ssh/z.ts': value('../electron/e'),
        'src/main/app/a.ts': leaf,
        'src/main/electron/e.ts': leaf,
      }),
    ).toEqual([
      { rule: 'capability-imports-upward', from: 'src/main/agent/x.ts', to: 'src/main/app/a.ts' },
      { rule: 'capability-imports-upward', from: 'src/main/ssh/z.ts', to: 'src/main/electron/e.ts' },
    ]);
  });

  it('forbids services/ to import app/', async () => {
    expect(
      await violations({
        'src/main/services/s.ts': value('../app/a'),
        'src/main/app/a.ts': leaf,
      }),
    ).toEqual([{ rule: 'services-imports-upward', from: 'src/main/services/s.ts', to: 'src/main/app/a.ts' }]);
  });

  it('forbids core/ to import a capability', async () => {
    expect(
      await violations({
        'src/main/core/log.ts': value('../keys/k'),
        'src/main/keys/k.ts': leaf,
      }),
    ).toEqual([{ rule: 'core-imports-upward', from: 'src/main/core/log.ts', to: 'src/main/keys/k.ts' }]);
  });

  it('forbids app/, and files directly in src/main, to import electron/', async () => {
    expect(
      await violations({
        'src/main/app/backend.ts': value('../electron/e'),
        'src/main/index.ts': value('./electron/e'),
        'src/main/electron/e.ts': leaf,
      }),
    ).toEqual([
      { rule: 'app-imports-upward', from: 'src/main/app/backend.ts', to: 'src/main/electron/e.ts' },
      { rule: 'app-imports-upward', from: 'src/main/index.ts', to: 'src/main/electron/e.ts' },
    ]);
  });

  it('forbids a folder of src/main that is in no tier', async () => {
    expect(
      await violations({
        'src/main/sessions/s.ts': value('../core/log'),
        'src/main/core/log.ts': leaf,
      }),
    ).toEqual([
      { rule: 'main-folder-not-in-a-tier', from: 'src/main/sessions/s.ts', to: 'src/main/core/log.ts' },
    ]);
  });
});

describe('no import cycles in src/', () => {
  it('finds a cycle made of type-only imports', async () => {
    expect(
      await violations({
        'src/main/core/a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
        'src/main/core/b.ts': "import type { A } from './a';\nexport interface B { a?: A }\n",
      }),
    ).toEqual([
      {
        rule: 'no-circular',
        from: 'src/main/core/a.ts',
        to: 'src/main/core/b.ts',
        cycle: ['src/main/core/a.ts', 'src/main/core/b.ts'],
      },
    ]);
  });

  it('finds a cycle among the renderer’s .tsx files', async () => {
    expect(
      await violations({
        'src/renderer/app/App.tsx':
          "import { View } from '../views/View';\nexport const ViewContext = 1;\nexport const App = () => <View />;\n",
        'src/renderer/views/View.tsx':
          "import { ViewContext } from '../app/App';\nexport const View = () => <p>{ViewContext}</p>;\n",
      }),
    ).toEqual([
      {
        rule: 'no-circular',
        from: 'src/renderer/app/App.tsx',
        to: 'src/renderer/views/View.tsx',
        cycle: ['src/renderer/app/App.tsx', 'src/renderer/views/View.tsx'],
      },
    ]);
  });
});

describe('logging', () => {
  it('forbids electron-log outside core/log.ts and electron/main-log.ts', async () => {
    const log = "import log from 'electron-log/node';\nexport const use = log;\n";
    const mainLog = "import log from 'electron-log/main';\nexport const use = log;\n";
    // The package as resolved (through the symlinked node_modules).
    const electronLog = expect.stringMatching(/node_modules\/electron-log\//);
    expect(
      await violations(
        {
          'src/main/core/log.ts': log,
          'src/main/electron/main-log.ts': mainLog,
          'src/main/services/s.ts': log,
          'src/host/h.ts': log,
        },
        { withNodeModules: true },
      ),
    ).toEqual([
      { rule: 'log-only-through-core-log', from: 'src/host/h.ts', to: electronLog },
      { rule: 'log-only-through-core-log', from: 'src/main/services/s.ts', to: electronLog },
    ]);
  });
});

describe('a tree that keeps the rules', () => {
  it('has no violations', async () => {
    expect(
      await violations({
        'src/shared/model.ts': leaf,
        'src/main/core/log.ts': value('../../shared/model'),
        'src/main/keys/k.ts': value('../core/log'),
        'src/main/agent/g.ts': `${value('../keys/k')}${typeOnly('../../shared/model')}`,
        'src/main/services/s.ts': value('../agent/g'),
        'src/main/services/t.ts': value('./s'),
        'src/main/app/backend.ts': value('../services/t'),
        'src/main/index.ts': value('./app/backend'),
        'src/main/electron/main.ts': value('../index'),
        'src/host/server.ts': value('../main/app/backend'),
        'src/renderer/App.tsx':
          "import { model } from '../shared/model';\nexport const App = () => <p>{model}</p>;\n",
      }),
    ).toEqual([]);
  });
});

describe('npm run lint', () => {
  it('runs dependency-cruiser on src/ with this config', () => {
    const { scripts } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.lint).toContain(`depcruise src --config ${configFile}`);
  });
});
