/**
 * Finds every card sample by listing `samples/`, so a new sample file joins the gallery and
 * the gallery test without being registered anywhere.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Language } from '../../cards';
import { isCardSample, type CardSample } from './sample';

export const galleryLanguages: Language[] = ['de', 'en'];

export interface GallerySample extends CardSample {
  /** `<family>/<export name>`, unique and stable: used for file names and test names. */
  id: string;
  /** The sample file's name, e.g. `answer`. */
  family: string;
}

export function loadSamples(dir: string = join(__dirname, 'samples')): GallerySample[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort();
  return files.flatMap((file) => {
    const family = basename(file, '.ts');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- samples are discovered by file name
    const exported = require(join(dir, file)) as Record<string, unknown>;
    const samples = Object.entries(exported).filter((entry): entry is [string, CardSample] =>
      isCardSample(entry[1]),
    );
    if (samples.length === 0) throw new Error(`${file} exports no card sample`);
    return samples.map(([name, sample]) => ({ ...sample, id: `${family}/${name}`, family }));
  });
}
