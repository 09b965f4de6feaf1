// The committed icons are what `npm run icons` makes from the SVG drawings,
// and they have the sizes and formats Windows, macOS and Linux expect.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { appIconSizes, renderIcons } from '../../../scripts/packaging/icons';
import { trayIconSvg, trayStates } from '../../../scripts/packaging/tray-drawings';

const assets = join(process.cwd(), 'assets');
const rendered = renderIcons(assets);
const committed = (file: string) => readFileSync(join(assets, file));

function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('icons', () => {
  it('are committed exactly as npm run icons renders them', () => {
    const stale = [...rendered].filter(([file, content]) => !committed(file).equals(content)).map(([f]) => f);
    expect(stale, 'run `npm run icons` and commit assets/').toEqual([]);
  });

  it('give the app icon as PNG in every size from 16 to 1024', () => {
    for (const size of appIconSizes)
      expect(pngSize(committed(`icons/${size}x${size}.png`))).toEqual([size, size]);
  });

  it('give Windows an ICO with a 256 px image and macOS an ICNS', () => {
    const ico = committed('icon.ico');
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
    const count = ico.readUInt16LE(4);
    // Width byte 0 means 256 in an ICO directory entry.
    const widths = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(widths).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    const icns = committed('icon.icns');
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    // ic10: the 1024 px (512@2x) image.
    expect(icns.includes(Buffer.from('ic10', 'latin1'))).toBe(true);
  });

  it('give the tray three distinct states at 16 and 32 px, in colour and as macOS templates', () => {
    const seen = new Set<string>();
    for (const state of trayStates) {
      for (const base of [`tray/tray-${state}`, `tray/trayTemplate-${state}`]) {
        expect(pngSize(committed(`${base}.png`))).toEqual([16, 16]);
        expect(pngSize(committed(`${base}@2x.png`))).toEqual([32, 32]);
        seen.add(committed(`${base}.png`).toString('base64'));
      }
    }
    expect(seen.size).toBe(trayStates.length * 2);
  });

  it('draw the macOS template images black with alpha only, as macOS needs to tint them', () => {
    for (const state of trayStates) {
      const { pixels } = new Resvg(trayIconSvg(state, 'template'), {
        fitTo: { mode: 'width', value: 32 },
      }).render();
      let covered = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i + 3] === 0) continue;
        covered++;
        expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([0, 0, 0]);
      }
      expect(covered).toBeGreaterThan(50);
    }
  });
});
