/**
 * How much a word names a topic, from its rank in general German: chat words ("weiß",
 * "eigentlich", "kommen") are frequent anywhere, topic nouns ("Kantine", "Dienstausweis",
 * "Elternzeit") are rare. The knowledge base's own idf cannot tell the two apart for words
 * it does not contain, and those are exactly the words that show a question is about
 * something else.
 *
 * The ranking is the German list of `@zxcvbn-ts/language-de` (MIT): about 12,500 words
 * ranked by frequency in film subtitles, i.e. in spoken everyday German.
 */
import commonWords from '@zxcvbn-ts/language-de/dist/commonWords.json.js';
import { foldCase, foldTranscriptions } from './text';

/** Words ranked at or above this are everyday words: salience 0. */
const EVERYDAY_RANK = 1000;
/** A misspelling of one of the most frequent words is read as that word. */
const TYPO_TARGET_RANK = 5000;
const MIN_TYPO_LENGTH = 5;

/** Inflection endings: a form and its siblings ("Zeitung", "Zeitungen") share a rank. */
const ENDINGS = ['', 'e', 'en', 'n', 's', 'es', 'er', 'em', 't', 'et', 'st'];
const MIN_BASE = 4;

interface Ranking {
  /** Rank by folded form. */
  byForm: Map<string, number>;
  /** Best rank of the forms of a base ("zeitung" for "Zeitung", "Zeitungen"). */
  byBase: Map<string, number>;
  /** Rank by each form with one letter removed, of the most frequent words only. */
  byDeletion: Map<string, number>;
}

let ranking: Ranking | undefined;

/**
 * Built once, on first use or when an index is built (so that no question pays for it): a
 * process that never searches pays nothing.
 */
export function rankingOf(): Ranking {
  if (ranking) return ranking;
  const byForm = new Map<string, number>();
  const byBase = new Map<string, number>();
  const byDeletion = new Map<string, number>();
  const keep = (map: Map<string, number>, key: string, rank: number): void => {
    if (!map.has(key)) map.set(key, rank);
  };
  commonWords.forEach((word, i) => {
    const rank = i + 1;
    const folded = foldTranscriptions(foldCase(word));
    keep(byForm, folded, rank);
    for (const base of basesOf(folded)) keep(byBase, base, rank);
    if (rank <= TYPO_TARGET_RANK && folded.length >= MIN_TYPO_LENGTH - 1) {
      for (const deletion of deletionsOf(folded)) keep(byDeletion, deletion, rank);
    }
  });
  ranking = { byForm, byBase, byDeletion };
  return ranking;
}

/** The word without each inflection ending it has (itself included). */
function basesOf(folded: string): string[] {
  return ENDINGS.filter(
    (ending) => folded.endsWith(ending) && folded.length - ending.length >= MIN_BASE,
  ).map((ending) => folded.slice(0, folded.length - ending.length));
}

function deletionsOf(word: string): string[] {
  const result: string[] = [];
  for (let i = 0; i < word.length; i++) result.push(word.slice(0, i) + word.slice(i + 1));
  return result;
}

/** Rank in general German of a folded word, a sibling form or (one edit off) a frequent word. */
function rankOf(folded: string): number | undefined {
  const { byForm, byBase, byDeletion } = rankingOf();
  // A rarer inflection ("Zeitungen") counts as frequent as its most frequent form; the
  // list holds surface forms, and stemming all of it would cost half a second at start.
  let inflected: number | undefined;
  for (const base of basesOf(folded)) {
    const rank = byBase.get(base);
    if (rank !== undefined && (inflected === undefined || rank < inflected)) inflected = rank;
  }
  if (inflected !== undefined || folded.length < MIN_TYPO_LENGTH) return inflected;
  // One letter inserted, dropped, replaced or (mostly) swapped: both sides lose one letter.
  let best: number | undefined;
  for (const candidate of [folded, ...deletionsOf(folded)]) {
    const rank =
      byDeletion.get(candidate) ?? (candidate === folded ? undefined : byForm.get(candidate));
    if (rank !== undefined && rank <= TYPO_TARGET_RANK && (best === undefined || rank < best)) {
      best = rank;
    }
  }
  return best;
}

/**
 * Is the folded word, exactly as written, a word of the general list? Such a word is a
 * word of its own ("Hund", "Wetter"), not a misspelling of the stop word next to it.
 */
export function isListedWord(folded: string): boolean {
  return rankingOf().byForm.has(folded);
}

/**
 * 0 for an everyday word, rising with the log of its rank to 1 at the end of the list; 1
 * for a word the list does not know (rare, a compound, a name or a term of art).
 */
export function salienceOf(folded: string): number {
  const rank = rankOf(folded);
  if (rank === undefined) return 1;
  const last = commonWords.length;
  const share = Math.log(rank / EVERYDAY_RANK) / Math.log(last / EVERYDAY_RANK);
  return Math.min(1, Math.max(0, share));
}
