// Electronegativity (@doyensec/electronegativity) over the built app (`out/`, so
// `npm run build` first; `npm test` builds before vitest). Nothing above LOW may
// remain except the three findings below that ask for a person's review, each
// reviewed here with a check that fails when its reason stops holding.
//
// How it is run, and why not its command line: the CLI exits 0 whatever it finds,
// and its CSV is written by two racing async writes (the header truncates the file
// while the rows are appended; seen here: a file starting mid-row), so it cannot be
// read reliably. Its own `run()` (the function the CLI calls) returns the findings
// with severity, confidence and the files it could not parse. It skips files whose
// names do not end in .js/.html (the sandboxed preload is `index.cjs`), so it scans a
// copy of `out/` in which .cjs/.mjs are renamed .js, and this test checks that every
// built script was read.
//
// What remains at LOW or below (allowed, and checked to be all): CSP_GLOBAL_CHECK,
// LOW, on the page's meta CSP. Its CSP evaluator notes that "script-src 'self' can
// be problematic if you host JSONP, Angular or user uploaded files": app:// serves
// only the built renderer, read-only, none of those. (It does not object to
// style-src 'unsafe-inline', which xterm.js needs for the <style> elements it writes.)
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/app/csp';

interface Finding {
  id: string;
  severity: { name: string; value: number };
  confidence: { name: string };
  manualReview: boolean;
  file: string;
  location: { line: number; column: number };
  sample: string | null;
}
interface ScanResult {
  issues: Finding[];
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}
type Run = (options: Record<string, unknown>, forCli: boolean) => Promise<ScanResult>;

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity') as Run;
const listFiles = (
  require('@doyensec/electronegativity/dist/util') as { list_files: (dir: string) => Promise<string[]> }
).list_files;
const electronVersion = (require('electron/package.json') as { version: string }).version;

const LOW = 1; // Electronegativity's severity values: INFORMATIONAL 0, LOW 1, MEDIUM 2, HIGH 3.

/** Findings that ask for a person's review, each with the reason it is accepted and a check of that reason. */
const reviewed: Array<{ id: string; file: RegExp; why: string; holds: (f: Finding) => boolean }> = [
  {
    id: 'PRELOAD_JS_CHECK',
    file: /^main\/index\.js$/,
    why:
      'every app with a preload gets it ("review the use of preload scripts"). Ours is reviewed: it exposes ' +
      'exactly the contract (test/unit/electron/preload.test.ts) in a sandboxed, isolated page, and is scanned ' +
      'here itself. It shows because the window options are written out at new BrowserWindow({...}).',
    holds: (f) => f.sample?.trim() === 'preload: preloadPath,',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: /^main\/index\.js$/,
    why:
      'any openExternal with a non-constant URL. The one call is behind externalOpenAllowed (mailto: and ' +
      'https: after parsing, test/unit/electron/security.test.ts and main-window.test.ts).',
    holds: (f) =>
      /^if \(externalOpenAllowed\((\w+)\)\) shell\.openExternal\(\1\);$/.test(f.sample?.trim() ?? ''),
  },
  {
    id: 'DANGEROUS_FUNCTIONS_JS_CHECK',
    file: /^renderer\/assets\/index-[\w-]+\.js$/,
    why:
      "setTimeout with a variable it cannot resolve, in xterm.js's bundled event helpers (debounce, buffer); " +
      "the variable holds a function. A string would not run anyway: the CSP has no 'unsafe-eval'.",
    holds: (f) =>
      /\bsetTimeout\(\s*[A-Za-z_$][\w$]*\s*[,)]/.test(f.sample ?? '') &&
      !/\b(eval|Function|executeJavaScript|insertCSS)\s*\(/.test(f.sample ?? ''),
  },
];

/** The window checks the literal webPreferences at new BrowserWindow({...}) must keep quiet. */
const windowChecks = [
  'CONTEXT_ISOLATION_JS_CHECK',
  'NODE_INTEGRATION_JS_CHECK',
  'SANDBOX_JS_CHECK',
  'AUXCLICK_JS_CHECK',
  'REMOTE_MODULE_JS_CHECK',
  'WEB_SECURITY_JS_CHECK',
  'INSECURE_CONTENT_JS_CHECK',
  'EXPERIMENTAL_FEATURES_JS_CHECK',
  'BLINK_FEATURES_JS_CHECK',
  'LIMIT_NAVIGATION_GLOBAL_CHECK',
  'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

let scanDir: string;
let result: ScanResult;
const inApp = (f: Finding) => f.file.startsWith('app/');

beforeAll(async () => {
  scanDir = mkdtempSync(join(tmpdir(), 'fw-electronegativity-'));
  const app = join(scanDir, 'app');
  cpSync('out', app, { recursive: true });
  for (const file of files(app))
    if (/\.[cm]js$/.test(file)) renameSync(file, file.replace(/\.[cm]js$/, '.js'));
  // A control beside the app: a window made the weak way must be reported, or the scan proves nothing.
  mkdirSync(join(scanDir, 'control'));
  writeFileSync(
    join(scanDir, 'control', 'weak-window.js'),
    "import { BrowserWindow } from 'electron';\n" +
      'export const w = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } });\n',
  );
  result = await run(
    {
      input: scanDir,
      isRelative: true,
      electronVersionOverride: electronVersion,
      customScan: [],
      excludeFromScan: [],
    },
    false,
  );
}, 180_000);

afterAll(() => rmSync(scanDir, { recursive: true, force: true }));

describe('Electronegativity over the built app', () => {
  it('reads every built script and page', async () => {
    expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);
    const built = files('out')
      .map((f) => relative('out', f).replace(/\\/g, '/'))
      .filter((f) => /\.[cm]?js$|\.html$/.test(f));
    expect(built).toContain('preload/index.cjs');
    expect(built).toContain('main/index.js');
    expect(built.some((f) => /^renderer\/assets\/index-.*\.js$/.test(f))).toBe(true);
    // The files its directory loader picks (the same function run() uses): all of them, the renamed preload too.
    const listed = (await listFiles(join(scanDir, 'app'))).map((f) =>
      relative(join(scanDir, 'app'), f).replace(/\\/g, '/'),
    );
    expect(listed.sort()).toEqual(built.map((f) => f.replace(/\.[cm]js$/, '.js')).sort());
  });

  it('reports the weak control window, so a weak app window would be reported too', () => {
    const control = result.issues.filter((f) => f.file.startsWith('control/')).map((f) => f.id);
    expect(control).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']));
  });

  it('finds none of the window checks in the app', () => {
    const found = result.issues.filter((f) => inApp(f) && windowChecks.includes(f.id));
    expect(found.map((f) => `${f.id} ${f.file}:${f.location.line} ${f.sample}`)).toEqual([]);
  });

  it('finds nothing above LOW but the reviewed findings, each still holding its reason', () => {
    const above = result.issues.filter((f) => inApp(f) && f.severity.value > LOW);
    const unexplained = above.filter((f) => {
      const entry = reviewed.find((r) => r.id === f.id && r.file.test(f.file.slice('app/'.length)));
      return !entry || !entry.holds(f);
    });
    expect(
      unexplained.map((f) => `${f.id} ${f.severity.name} ${f.file}:${f.location.line} ${f.sample}`),
    ).toEqual([]);
    // One openExternal in the whole app, one window with a preload.
    expect(above.filter((f) => f.id === 'OPEN_EXTERNAL_JS_CHECK')).toHaveLength(1);
    expect(above.filter((f) => f.id === 'PRELOAD_JS_CHECK')).toHaveLength(1);
    // The reason the dangerous-functions findings are accepted.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(readFileSync('out/renderer/index.html', 'utf8')).not.toMatch(/unsafe-eval/);
  });

  it('leaves only the CSP note at LOW and below', () => {
    const low = result.issues.filter((f) => inApp(f) && f.severity.value <= LOW);
    expect(low.map((f) => `${f.id} ${f.file}`)).toEqual(['CSP_GLOBAL_CHECK app/renderer/index.html']);
  });
});
