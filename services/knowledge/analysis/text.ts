/**
 * Turning raw text into comparable word forms. German users write "ändern", "aendern"
 * and (on a foreign keyboard) "andern"; all three must become the same form, and so
 * must "Straße" and "Strasse".
 */

const DIACRITICS = /\p{M}/gu;
const OTHER_ACCENTS = /[^\u0000-\u007f]/;

/** Lower case, umlauts and ß folded, other accents removed. */
export function foldCase(text: string): string {
  const folded = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u');
  // Decomposing is slow and only needed for the rare other accents (é, ñ, …).
  return OTHER_ACCENTS.test(folded) ? folded.normalize('NFD').replace(DIACRITICS, '') : folded;
}

/**
 * Folds the ASCII transcriptions ae/oe/ue to the bare vowel, so that "aendern" meets
 * "ändern". "ue" after a vowel or q is a diphthong or "qu" ("neue", "Bauer", "Quelle"),
 * not an umlaut, and stays.
 */
export function foldTranscriptions(word: string): string {
  return word
    .replace(/ae/g, 'a')
    .replace(/(^|[^aeiou])oe/g, '$1o')
    .replace(/(^|[^aeiqu])ue/g, '$1u');
}

/** A word of the text: its lower-cased surface and its fully folded form. */
export interface Word {
  /** Lower case as typed (umlauts kept), for the English stemmer and language cues. */
  lower: string;
  /** Lower case with umlauts and ae/oe/ue folded. */
  folded: string;
  /** Parts of a hyphenated word ("e-akte" → e, akte), already folded; empty if none. */
  parts: string[];
}

/** Apostrophes belong to a word ("gibt's"), hyphens join the parts of a compound. */
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/**
 * Longer "words" are no language: stemming and compound splitting grow steeply with length,
 * so a single 28,000-letter word would block an instance for minutes. They are dropped.
 */
export const MAX_WORD_LENGTH = 64;

/** Splits text into words; Markdown markup, links and placeholders fall away. */
export function words(text: string): Word[] {
  const result: Word[] = [];
  for (const match of text.normalize('NFC').toLowerCase().matchAll(WORD)) {
    if (match[0].length > MAX_WORD_LENGTH) continue;
    const lower = match[0].replace(/['’]/g, '');
    if (lower.includes('-')) {
      const parts = lower.split('-').map((part) => foldTranscriptions(foldCase(part)));
      result.push({ lower: lower.replace(/-/g, ''), folded: parts.join(''), parts });
    } else {
      result.push({ lower, folded: foldTranscriptions(foldCase(lower)), parts: [] });
    }
  }
  return result;
}
