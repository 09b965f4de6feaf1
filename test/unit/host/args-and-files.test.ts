// The headless host's command line, its default data folder, and the static
// file server that must not leave the renderer folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../src/main/core/data-dir';
import { parseHostArgs } from '../../../src/host/args';
import { loadStatic } from '../../../src/host/static-files';

describe('host command line', () => {
  it('takes port, data folder, agent socket, home folder and key files', () => {
    expect(
      parseHostArgs([
        '--port',
        '8080',
        '--data-dir',
        '/d',
        '--agent-socket',
        '/s',
        '--home',
        '/h',
        'a.ppk',
        'b',
      ]),
    ).toEqual({
      port: 8080,
      dataDir: '/d',
      agentSocket: '/s',
      home: '/h',
      keyFiles: ['a.ppk', 'b'],
    });
    expect(parseHostArgs([])).toMatchObject({ port: 0, keyFiles: [] });
  });

  it('takes the grace time of a session whose tab went away, in milliseconds', () => {
    expect(parseHostArgs(['--session-grace-ms', '1500']).sessionGraceMs).toBe(1500);
    expect(parseHostArgs([]).sessionGraceMs).toBeUndefined();
    expect(() => parseHostArgs(['--session-grace-ms', 'bald'])).toThrow('--session-grace-ms');
    expect(() => parseHostArgs(['--session-grace-ms', '-1'])).toThrow('--session-grace-ms');
  });

  it('refuses a port that is not one, and unknown flags', () => {
    expect(() => parseHostArgs(['--port', '70000'])).toThrow('--port');
    expect(() => parseHostArgs(['--port', 'x'])).toThrow('--port');
    expect(() => parseHostArgs(['--bogus'])).toThrow();
  });
});

describe('default data folder', () => {
  it("is Electron's userData folder for the product on each platform", () => {
    expect(defaultDataDir('linux', {}, '/home/max')).toBe('/home/max/.config/Fernwartung');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/max')).toBe('/x/Fernwartung');
    expect(defaultDataDir('darwin', {}, '/Users/max')).toBe(
      '/Users/max/Library/Application Support/Fernwartung',
    );
    expect(defaultDataDir('win32', { APPDATA: '/appdata' }, '/home/max')).toBe(
      join('/appdata', 'Fernwartung'),
    );
  });
});

describe('static files', () => {
  const root = mkdtempSync(join(tmpdir(), 'fw-static-'));
  const renderer = join(root, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'x');
  writeFileSync(join(root, 'secret.txt'), 'geheim');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('serves the renderer with content types', async () => {
    expect(await loadStatic(renderer, '/')).toMatchObject({ type: 'text/html; charset=utf-8' });
    expect(await loadStatic(renderer, '/assets/app.js')).toMatchObject({
      type: 'text/javascript; charset=utf-8',
    });
    expect(await loadStatic(renderer, '/missing.js')).toBeNull();
  });

  it('never serves a file outside the renderer folder', async () => {
    expect(await loadStatic(renderer, '/../secret.txt')).toBeNull();
    expect(await loadStatic(renderer, '/%2e%2e/secret.txt')).toBeNull();
    expect(await loadStatic(renderer, '/assets/..%2f..%2fsecret.txt')).toBeNull();
    expect(await loadStatic(renderer, '/%E0%A4%A')).toBeNull();
  });
});
