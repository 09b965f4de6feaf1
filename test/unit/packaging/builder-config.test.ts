// Decisions in electron-builder.yml that a careless edit could undo.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface Target {
  target: string;
  arch: string[];
}
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as {
  fileAssociations: { ext: string; role?: string }[];
  mac: { target: Target[]; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string };
  linux: { target: string[]; executableArgs: string[] };
  win: { target: string };
};

describe('electron-builder.yml', () => {
  it('opens .ppk files with the app, which adds them to the agent', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'ppk', role: 'Viewer' })]);
    // A file manager hands over local paths (%F), never file:// URLs (%U).
    expect(config.linux.executableArgs).toEqual(['%F']);
  });

  it('builds NSIS, dmg and zip for both Mac architectures, AppImage and deb', () => {
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ]);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('signs macOS with the hardened runtime and one entitlement, JIT, for the app and its helpers', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
    const plist = readFileSync(config.mac.entitlements, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<(true|false)\/>/g)].map((m) => [m[1], m[2]]);
    expect(keys).toEqual([['com.apple.security.cs.allow-jit', 'true']]);
  });
});
