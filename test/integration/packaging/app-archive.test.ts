// What an installer would carry: electron-builder packs app.asar from the
// build (with a stub in place of Electron's binary, which cannot be
// downloaded here), flips the fuses in that stub, writes the update feed when
// the build names one, and the configuration is valid for electron-builder.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import asar from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStandInElectron } from '../../../scripts/packaging/stand-in-electron';
import { publishArguments } from '../../../scripts/packaging/update-feed';

const root = process.cwd();
const updateUrl = 'https://updates.example.org/fernwartung/';

describe('packaging', () => {
  let work: string;
  let files: string[];
  let unpacked: string;
  let resources: string;
  let binary: string;
  let packagedManifest: Record<string, unknown>;

  beforeAll(() => {
    if (!existsSync(join(root, 'out/main/index.js')) || !existsSync(join(root, 'out/renderer/index.html'))) {
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
    }
    work = mkdtempSync(join(tmpdir(), 'fw-pack-'));
    // Carries Electron's fuse wire (with its defaults), so the fuse step runs on it.
    const electronDist = join(work, 'electron-dist');
    writeStandInElectron(electronDist);
    const result = spawnSync(
      'npx',
      [
        'electron-builder',
        '--linux',
        'dir',
        `-c.electronDist=${electronDist}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${join(work, 'dist')}`,
        ...publishArguments({ FERNWARTUNG_UPDATE_URL: updateUrl }),
        '--publish',
        'never',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    if (result.status !== 0)
      throw new Error(
        `electron-builder failed: ${result.stdout.slice(-1500)} ${result.stderr.slice(-1500)} ${String(result.error ?? '')}`,
      );
    resources = join(work, 'dist', 'linux-unpacked', 'resources');
    binary = join(work, 'dist', 'linux-unpacked', 'fernwartung');
    files = asar
      .listPackage(join(resources, 'app.asar'), { isPack: false })
      .map((f) => f.replace(/\\/g, '/'));
    unpacked = join(resources, 'app.asar.unpacked');
    packagedManifest = JSON.parse(
      asar.extractFile(join(resources, 'app.asar'), 'package.json').toString('utf8'),
    );
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('carries main, preload, renderer and the key worker', () => {
    for (const file of [
      '/out/main/index.js',
      '/out/main/key-worker.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/package.json',
    ]) {
      expect(files).toContain(file);
    }
    expect(files.some((f) => f.startsWith('/node_modules/ssh2/'))).toBe(true);
    // Loaded only when the package has an update feed, but always shipped.
    expect(files).toContain('/node_modules/electron-updater/package.json');
  });

  it('leaves out the headless host, sources, tests, source maps and key material', () => {
    expect(files.filter((f) => f.startsWith('/out/host'))).toEqual([]);
    expect(files.filter((f) => /^\/(src|test|e2e|bench|docs|scripts)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('/out/') && f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /(\.ppk|\/id_(rsa|ed25519))$/.test(f))).toEqual([]);
    // Nor the dependencies' TypeScript sources, tests and C sources.
    expect(
      files.filter(
        (f) =>
          /\.[mc]?ts$/.test(f) ||
          /\/(tests?|__tests__)\//.test(f) ||
          f.startsWith('/node_modules/cpu-features/deps/'),
      ),
    ).toEqual([]);
  });

  it('bundles the renderer: React and xterm.js are not shipped as modules', () => {
    expect(files.filter((f) => /^\/node_modules\/(react|react-dom|@xterm)\//.test(f))).toEqual([]);
  });

  it('unpacks koffi, whose native binaries cannot load from inside app.asar', () => {
    expect(existsSync(join(unpacked, 'node_modules', 'koffi', 'package.json'))).toBe(true);
  });

  it('carries the tray icons and no other project file', () => {
    for (const state of ['nokey', 'loaded', 'locked']) {
      for (const name of [`tray-${state}`, `trayTemplate-${state}`]) {
        expect(files).toContain(`/assets/tray/${name}.png`);
        expect(files).toContain(`/assets/tray/${name}@2x.png`);
      }
    }
    const top = new Set(files.map((f) => f.split('/')[1]));
    expect([...top].sort()).toEqual(['assets', 'node_modules', 'out', 'package.json']);
    expect(
      files.filter((f) => f.startsWith('/assets/') && !/^\/assets\/tray(\/[\w-]+(@2x)?\.png)?$/.test(f)),
    ).toEqual([]);
    expect(
      files.filter((f) => /\/(fixtures|__tests__)\//.test(f) && !f.startsWith('/node_modules/')),
    ).toEqual([]);
  });

  it('flips the fuses in the Electron binary, leaving the ones not named as Electron has them', async () => {
    const wire = await getCurrentFuseWire(binary);
    const on = FuseState.ENABLE;
    const off = FuseState.DISABLE;
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      fileProtocolPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
      browserSnapshot: wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot],
      wasmTrapHandlers: wire[FuseV1Options.WasmTrapHandlers],
    }).toEqual({
      runAsNode: off,
      nodeOptions: off,
      inspect: off,
      cookieEncryption: on,
      asarIntegrity: on,
      onlyAsar: on,
      fileProtocolPrivileges: off,
      browserSnapshot: off,
      wasmTrapHandlers: on,
    });
  });

  it('names the Linux desktop entry in the packaged package.json, which Electron takes its app_id from', () => {
    expect(packagedManifest).toMatchObject({ main: 'out/main/index.js', desktopName: 'fernwartung.desktop' });
  });

  it('writes the update feed the build names, as a generic provider', () => {
    const feed = yaml.load(readFileSync(join(resources, 'app-update.yml'), 'utf8'));
    expect(feed).toMatchObject({ provider: 'generic', url: updateUrl });
  });

  it('has a configuration valid against electron-builder’s schema', () => {
    const schema = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config) ? [] : validate.errors).toEqual([]);
  });
});
