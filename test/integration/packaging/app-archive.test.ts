// What an installer would carry: electron-builder packs app.asar from the
// build (with a stub in place of Electron's binary, which cannot be
// downloaded here), and the configuration is valid for electron-builder.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import asar from '@electron/asar';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = process.cwd();

describe('packaging', () => {
  let work: string;
  let files: string[];
  let unpacked: string;

  beforeAll(() => {
    if (!existsSync(join(root, 'out/main/index.js')) || !existsSync(join(root, 'out/renderer/index.html'))) {
      execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'ignore' });
    }
    work = mkdtempSync(join(tmpdir(), 'fw-pack-'));
    const electronDist = join(work, 'electron-dist');
    mkdirSync(electronDist);
    writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\n');
    chmodSync(join(electronDist, 'electron'), 0o755);
    const result = spawnSync(
      'npx',
      [
        'electron-builder',
        '--linux',
        'dir',
        `-c.electronDist=${electronDist}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${join(work, 'dist')}`,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    if (result.status !== 0)
      throw new Error(
        `electron-builder failed: ${result.stdout.slice(-1500)} ${result.stderr.slice(-1500)} ${String(result.error ?? '')}`,
      );
    const resources = join(work, 'dist', 'linux-unpacked', 'resources');
    files = asar
      .listPackage(join(resources, 'app.asar'), { isPack: false })
      .map((f) => f.replace(/\\/g, '/'));
    unpacked = join(resources, 'app.asar.unpacked');
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
  });

  it('leaves out the headless host, sources, tests, source maps and key material', () => {
    expect(files.filter((f) => f.startsWith('/out/host'))).toEqual([]);
    expect(files.filter((f) => /^\/(src|test|e2e|bench|docs|scripts)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('/out/') && f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /(\.ppk|\/id_(rsa|ed25519))$/.test(f))).toEqual([]);
  });

  it('bundles the renderer: React and xterm.js are not shipped as modules', () => {
    expect(files.filter((f) => /^\/node_modules\/(react|react-dom|@xterm)\//.test(f))).toEqual([]);
  });

  it('unpacks koffi, whose native binaries cannot load from inside app.asar', () => {
    expect(existsSync(join(unpacked, 'node_modules', 'koffi', 'package.json'))).toBe(true);
  });

  it('has a configuration valid against electron-builder’s schema', () => {
    const schema = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config) ? [] : validate.errors).toEqual([]);
  });
});
