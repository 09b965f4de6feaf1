// `npm run icons`: renders the icons into assets/ (see icons.ts). Run it after
// changing assets/icon.svg or tray-drawings.ts, and commit the result.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderIcons } from './icons';

const assets = join(process.cwd(), 'assets');
for (const [file, content] of renderIcons(assets)) {
  mkdirSync(dirname(join(assets, file)), { recursive: true });
  writeFileSync(join(assets, file), content);
  process.stdout.write(`assets/${file} (${content.length} bytes)\n`);
}
