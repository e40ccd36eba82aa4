/**
 * `npm run cards:gallery`: every card sample in German and English, light, dark and high
 * contrast, as PNGs with an index.html in test-results/card-gallery/. Exits 1 when an
 * element does not fit its card.
 */
import { join } from 'node:path';
import { buildGallery, galleryDir, tooWideSummary } from './gallery';

async function main(): Promise<number> {
  const { images, themes, largest, tooWide } = await buildGallery();
  process.stdout.write(
    `${images.length} Bilder: ${images.length / themes.length} Karten (Muster × Sprachen) × ${themes.join(', ')}; größte Karte ${largest.sampleId} ${(largest.bytes / 1024).toFixed(1)} KB\n`,
  );
  for (const problem of tooWideSummary(tooWide)) process.stdout.write(`✘ ${problem}\n`);
  process.stdout.write(`Übersicht: ${join(galleryDir, 'index.html')}\n`);
  return tooWide.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
