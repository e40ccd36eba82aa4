import { newStemmer } from 'snowball-stemmers';

const german = newStemmer('german');
const english = newStemmer('english');

/**
 * Snowball German stem of a folded word, applied twice: the second pass removes the
 * ending a derivation leaves behind, so "Änderungen" (→ "ander") meets "ändern" (→ "and")
 * and "Problemen" meets "Problem".
 */
export function stemGerman(folded: string): string {
  let stem = cache.get(folded);
  if (stem === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    stem = german.stem(german.stem(folded));
    cache.set(folded, stem);
  }
  return stem;
}

/**
 * The Snowball port is slow next to a map look-up and the same words come again and
 * again; the cache is dropped whole when full, which bounds memory in a long-running bot.
 */
const cache = new Map<string, string>();
const CACHE_LIMIT = 100_000;

/** Snowball English (Porter2) stem of a lower-case word. */
export function stemEnglish(lower: string): string {
  return english.stem(lower);
}
