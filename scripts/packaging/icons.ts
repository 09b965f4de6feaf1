// Every icon file the packages and the tray need, rendered from SVG: the app
// icon from assets/icon.svg, the tray icons from tray-drawings.ts. Pure apart
// from reading icon.svg, so the test renders into memory and compares with the
// committed files (`npm run icons` writes them; packaging then needs no native
// module).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';
import { trayIconSvg, trayStates } from './tray-drawings';

/** App icon PNG sizes: Linux's icon theme sizes, up to the 1024 px macOS asks for. */
export const appIconSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;

export function renderSvg(svg: string, width: number): Buffer {
  // No fonts: the drawings have no text, and system fonts would make the output depend on the machine.
  return new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false },
    logLevel: 'off',
  })
    .render()
    .asPng();
}

/** Relative path under assets/ → file content. */
export function renderIcons(assetsDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const appSvg = readFileSync(join(assetsDir, 'icon.svg'), 'utf8');
  for (const size of appIconSizes) files.set(`icons/${size}x${size}.png`, renderSvg(appSvg, size));
  const large = files.get('icons/1024x1024.png')!;
  // BICUBIC2 keeps small sizes sharp; 0 colours = lossless. forWinExe: PNG above
  // 64 px, BMP below, which every Windows version shows in Explorer.
  const ico = png2icons.createICO(large, png2icons.BICUBIC2, 0, false, true);
  const icns = png2icons.createICNS(large, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error('png2icons could not convert the app icon');
  files.set('icon.ico', ico);
  files.set('icon.icns', icns);
  for (const state of trayStates) {
    for (const [style, base] of [
      ['color', `tray/tray-${state}`],
      ['template', `tray/trayTemplate-${state}`],
    ] as const) {
      const svg = trayIconSvg(state, style);
      files.set(`${base}.png`, renderSvg(svg, 16));
      files.set(`${base}@2x.png`, renderSvg(svg, 32));
    }
  }
  return files;
}
