import { relative } from 'node:path';
import { buildGallery, galleryDir, tooWideSummary } from '../../gallery/gallery';
import { assert, repoRoot, type AcceptanceCheck } from '../context';

export const check: AcceptanceCheck = {
  name: 'browser: card gallery, every sample in de/en × light/dark/high contrast',
  async run(log) {
    const { images, themes, largest, tooWide } = await buildGallery();
    log(
      `${images.length} images (${images.length / themes.length} renders × ${themes.length} themes) in ${relative(repoRoot, galleryDir)}; largest card ${largest.sampleId} ${(largest.bytes / 1024).toFixed(1)} KB`,
    );
    for (const problem of tooWideSummary(tooWide)) log(`✘ ${problem}`);
    assert(tooWide.length === 0, `${tooWide.length} images with elements wider than their box`);
  },
};
