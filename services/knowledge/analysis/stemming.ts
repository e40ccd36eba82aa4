import { newStemmer } from 'snowball-stemmers';
import { isFoldedGermanStopWord } from './stopwords';

const german = newStemmer('german');
const english = newStemmer('english');

/**
 * Snowball German stem of a folded word, applied twice: the second pass removes the
 * ending a derivation leaves behind, so "Änderungen" (→ "ander") meets "ändern" (→ "and")
 * and "Problemen" meets "Problem". A content word cut down to a stop word ("sicher",
 * "Sicherheit" → "sich"; "Seite" → "seit") keeps a stem of its own, marked, so that it
 * does not meet the pronoun or the preposition.
 */
export function stemGerman(folded: string): string {
  let stem = cache.get(folded);
  if (stem === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    stem = german.stem(german.stem(folded));
    if (isFoldedGermanStopWord(stem) && !isFoldedGermanStopWord(folded))
      stem = `${stem}${CONTENT_MARK}`;
    cache.set(folded, stem);
  }
  return stem;
}

/**
 * The Snowball port is slow next to a map look-up and the same words come again and
 * again; the cache is dropped whole when full, which bounds memory in a long-running bot.
 */
const cache = new Map<string, string>();
const CONTENT_MARK = '_';
const CACHE_LIMIT = 100_000;

/** Snowball English (Porter2) stem of a lower-case word. */
export function stemEnglish(lower: string): string {
  return english.stem(lower);
}
