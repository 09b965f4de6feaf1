// A stand-in for Electron's binary, for packing on a machine where Electron
// cannot be downloaded: `npx tsx scripts/packaging/stand-in-electron.ts <dir>`,
// then `npx electron-builder --linux dir -c.electronDist=<dir> -c.npmRebuild=false`.
// It carries Electron's fuse wire, so electron-builder's fuse step runs on it
// (without the wire that step fails: "Could not find sentinel").
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The marker @electron/fuses looks for; the wire follows it. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's defaults, one byte per fuse, '1' on and '0' off
 * (docs/tutorial/fuses.md in electron/electron): RunAsNode on, cookie
 * encryption off, NODE_OPTIONS on, --inspect on, embedded asar integrity off,
 * only-load-from-asar off, browser V8 snapshot off, file:// privileges on,
 * wasm trap handlers on.
 */
export const ELECTRON_DEFAULT_FUSES = '101100011';

/** A shell script (it is never run) holding the sentinel, the wire's version (1) and length, then the wire. */
export function standInElectron(fuses: string = ELECTRON_DEFAULT_FUSES): Buffer {
  return Buffer.concat([
    Buffer.from(`#!/bin/sh\n# ${FUSE_SENTINEL}`),
    Buffer.from([1, fuses.length]),
    Buffer.from(fuses),
    Buffer.from('\n'),
  ]);
}

export function writeStandInElectron(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'electron');
  writeFileSync(file, standInElectron());
  chmodSync(file, 0o755);
  return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: npx tsx scripts/packaging/stand-in-electron.ts <dir>\n');
    process.exit(2);
  }
  process.stdout.write(`${writeStandInElectron(dir)}\n`);
}
