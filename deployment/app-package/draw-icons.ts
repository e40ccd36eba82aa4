/**
 * `npx tsx deployment/app-package/draw-icons.ts`: writes the lighthouse icons into
 * deployment/manifest/. Run once; the PNGs are committed, so a city can swap in its own
 * artwork (the package build checks whatever is there against Teams' rules).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { drawColorIcon, drawOutlineIcon } from './lighthouse';

const manifestDir = path.join(__dirname, '..', 'manifest');
writeFileSync(path.join(manifestDir, 'color.png'), drawColorIcon());
writeFileSync(path.join(manifestDir, 'outline.png'), drawOutlineIcon());
process.stdout.write(`Symbole geschrieben nach ${manifestDir}\n`);
