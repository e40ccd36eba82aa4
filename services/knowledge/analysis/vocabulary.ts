/**
 * The words a knowledge base uses, with the look-ups the query analyser needs beyond an
 * exact hit: word families (forms the stemmer leaves apart), compound heads and typos.
 */
import levenshtein from 'damerau-levenshtein';
import type { CompoundVocabulary } from './compounds';
import { stemGerman } from './stemming';
import { isFoldedGermanStopWord } from './stopwords';

export interface VocabularyMatch {
  stem: string;
  /** 1 for a certain match, lower for a guess. */
  weight: number;
}

const FAMILY_WEIGHT = 0.85;
const PREFIX_VER = 'ver';
const MIN_PREFIXED_BASE = 4;
const PREFIXED_WEIGHT = 0.7;
const MIN_SHARED = 6;
const MAX_SUFFIX_GAP = 3;
const MIN_SHARED_RATIO = 0.65;
const MIN_SHARED_STEM = 7;
const MIN_SHARED_STEM_RATIO = 0.8;
const MAX_DIVERGING_ENDING = 2;
/** A past participle, possibly behind a separable prefix: "gespeichert", "eingerichtet". */
const PARTICIPLE =
  /^(ab|an|auf|aus|bei|ein|fest|frei|her|hin|hoch|los|mit|nach|raus|rein|runter|um|vor|weg|weiter|zu|zuruck)?ge(\p{L}{4,})$/u;

/** Edit distance allowed for a typo, by word length: none below 4, then 1, from 8 on 2. */
export function typoAllowance(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** Weight of a guess one edit off a known word; two edits off weigh `FAR_TYPO_WEIGHT`. */
export const TYPO_WEIGHT = 0.75;
const FAR_TYPO_WEIGHT = 0.6;

/** Edits between a word and a known word that are a typo apart, else undefined. */
export function typoEdits(word: string, known: string): number | undefined {
  const allowance = typoAllowance(word.length);
  if (allowance === 0 || Math.abs(word.length - known.length) > allowance) return undefined;
  // Most candidates differ in more letters than the allowance: skip the costly distance.
  if (letterDifference(word, known) > allowance) return undefined;
  const edits = levenshtein(word, known).steps;
  return edits > 0 && edits <= allowance ? edits : undefined;
}

/** Letter counts by character code (folded into 128 slots), reset after each use. */
const letterCounts = new Int16Array(128);

/**
 * How many letters one word has that the other lacks, the larger of the two sides: a lower
 * bound of the edit distance (an edit changes each side by one at most, a swap by none).
 * Codes sharing a slot can only lower it, so the bound stays safe.
 */
function letterDifference(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) letterCounts[a.charCodeAt(i) & 127]! += 1;
  for (let i = 0; i < b.length; i++) letterCounts[b.charCodeAt(i) & 127]! -= 1;
  let surplus = 0;
  let lack = 0;
  for (const word of [a, b]) {
    for (let i = 0; i < word.length; i++) {
      const slot = word.charCodeAt(i) & 127;
      const count = letterCounts[slot] as number;
      if (count > 0) surplus += count;
      else lack -= count;
      letterCounts[slot] = 0;
    }
  }
  return Math.max(surplus, lack);
}

/**
 * Two stems of one word family: one extends the other by a short ending the stemmer did
 * not remove ("verbind" / "verbindet"), or both differ only in a short ending of a long
 * shared stem ("verschlüsseln" / "verschlüsselt").
 */
function sameFamily(a: string, b: string): boolean {
  if (a === b) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.startsWith(short)) {
    return (
      short.length >= MIN_SHARED &&
      long.length - short.length <= MAX_SUFFIX_GAP &&
      short.length >= MIN_SHARED_RATIO * long.length
    );
  }
  let shared = 0;
  while (short[shared] === long[shared]) shared++;
  return (
    shared >= MIN_SHARED_STEM &&
    shared >= MIN_SHARED_STEM_RATIO * long.length &&
    long.length - shared <= MAX_DIVERGING_ENDING
  );
}

/** The stem of a past participle without its "ge-" ("gelöscht" → stem of "löscht"). */
export function participleBase(folded: string): string | undefined {
  const match = PARTICIPLE.exec(folded);
  return match ? stemGerman(`${match[1] ?? ''}${match[2] ?? ''}`) : undefined;
}

/**
 * A weak verb form ending in -t or -et ("plant", "segnet"), maybe with an adjective
 * ending ("gelöschte", "eingescanntes"): the base and the ending.
 */
const WEAK_VERB_FORM = /^(\p{L}{3,}?)(e?t)(?:e|em|en|er|es)?$/u;

/**
 * Stems of the infinitives a weak verb form may come from, past participles included:
 * "eingeplant" → einplanen, "genehmigt" → genehmigen, "gespeichert" → speichern. Guesses
 * for words the stemmer leaves with their ending; empty for other words.
 */
export function verbBases(folded: string): string[] {
  const participle = PARTICIPLE.exec(folded);
  const forms = participle ? [folded, `${participle[1] ?? ''}${participle[2] ?? ''}`] : [folded];
  const result = new Set<string>();
  for (const form of forms) {
    const base = WEAK_VERB_FORM.exec(form)?.[1];
    if (base) result.add(stemGerman(/(er|el)$/.test(base) ? `${base}n` : `${base}en`));
  }
  result.delete(stemGerman(folded));
  return [...result];
}

export class Vocabulary implements CompoundVocabulary {
  private readonly sortedStems: string[];
  private readonly families = new Map<string, Map<string, number>>();
  /** Folded surface forms by first letter and length, for typo look-ups. */
  private readonly buckets = new Map<string, string[]>();
  /** Known stems by first letter and length, for typos of forms the KB does not use. */
  private readonly stemBuckets = new Map<string, string[]>();

  /** Folded words a typo may stand for: the knowledge base's own and the thesaurus'. */
  private readonly typoTargets: ReadonlyMap<string, string>;
  /** Stems of the thesaurus words: parts a compound of the question may be made of. */
  private readonly extraStems: ReadonlySet<string>;

  /**
   * @param terms every index term (stop words included), for exact look-ups
   * @param contentStems stems of content words and compound parts
   * @param surfaces folded content words and their stems
   * @param extraWords further folded words and stems a typo may stand for (the thesaurus)
   */
  constructor(
    private readonly terms: ReadonlySet<string>,
    private readonly contentStems: ReadonlySet<string>,
    private readonly surfaces: ReadonlyMap<string, string>,
    extraWords: ReadonlyMap<string, string> = new Map(),
  ) {
    this.typoTargets = new Map([...extraWords, ...surfaces]);
    this.extraStems = new Set(extraWords.values());
    this.sortedStems = [...contentStems].sort();
    this.sortedStems.forEach((stem, i) => {
      const prefix = stem.slice(0, MIN_SHARED);
      if (prefix.length < MIN_SHARED) return;
      for (let j = i + 1; j < this.sortedStems.length; j++) {
        const other = this.sortedStems[j] as string;
        if (!other.startsWith(prefix)) break;
        if (sameFamily(stem, other)) this.link(stem, other);
      }
    });
    // "verschicken" is a kind of "schicken": related, though less surely than an inflection.
    for (const stem of contentStems) {
      const bare = stem.slice(PREFIX_VER.length);
      if (
        stem.startsWith(PREFIX_VER) &&
        bare.length >= MIN_PREFIXED_BASE &&
        contentStems.has(bare)
      ) {
        this.link(stem, bare, PREFIXED_WEIGHT);
      }
    }
    // A participle of the knowledge base meets its verb ("gelöschte" → löschen).
    for (const [surface, stem] of surfaces) {
      if (!PARTICIPLE.test(surface)) continue;
      for (const infinitive of verbBases(surface)) {
        for (const match of this.related(infinitive)) this.link(stem, match.stem);
      }
    }
    for (const surface of this.typoTargets.keys()) addToBucket(this.buckets, surface);
    for (const stem of new Set([...contentStems, ...this.extraStems])) {
      addToBucket(this.stemBuckets, stem);
    }
  }

  private link(a: string, b: string, weight = FAMILY_WEIGHT): void {
    if (a === b) return;
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      let family = this.families.get(from);
      if (!family) this.families.set(from, (family = new Map()));
      family.set(to, Math.max(weight, family.get(to) ?? 0));
    }
  }

  hasTerm(term: string): boolean {
    return this.terms.has(term);
  }

  /**
   * Compound parts of a question may be words of the knowledge base or of the thesaurus:
   * "Lotsenausbildung" splits into lotsen + ausbildung, and "Ausbildung" leads to
   * "Schulung".
   */
  isKnownForm(folded: string): boolean {
    return (
      this.surfaces.has(folded) || this.contentStems.has(folded) || this.typoTargets.has(folded)
    );
  }

  isKnownHead(folded: string): boolean {
    if (this.typoTargets.has(folded)) return true;
    const stem = stemGerman(folded);
    return this.contentStems.has(stem) || this.extraStems.has(stem);
  }

  isStopWord(folded: string): boolean {
    return isFoldedGermanStopWord(folded);
  }

  /** Other known stems of the same word family as a known stem. */
  family(stem: string): VocabularyMatch[] {
    return [...(this.families.get(stem) ?? [])].map(([member, weight]) => ({
      stem: member,
      weight,
    }));
  }

  /** Known stems of the same family as a stem, known or not (itself included if known). */
  related(stem: string): VocabularyMatch[] {
    const found = new Set<string>();
    if (this.contentStems.has(stem)) found.add(stem);
    const prefix = stem.slice(0, MIN_SHARED);
    if (prefix.length < MIN_SHARED)
      return [...found].map((match) => ({ stem: match, weight: FAMILY_WEIGHT }));
    for (let i = lowerBound(this.sortedStems, prefix); i < this.sortedStems.length; i++) {
      const candidate = this.sortedStems[i] as string;
      if (!candidate.startsWith(prefix)) break;
      if (sameFamily(stem, candidate)) found.add(candidate);
    }
    return [...found].map((match) => ({ stem: match, weight: FAMILY_WEIGHT }));
  }

  /** Known words within the typo allowance of the folded word, as stems (maybe no terms). */
  typos(folded: string): VocabularyMatch[] {
    return typoMatches(folded, this.buckets, [folded[0] ?? '', folded[1] ?? ''], (surface) =>
      this.typoTargets.get(surface),
    );
  }

  /**
   * Known stems within the typo allowance of a stem: a misspelt form of a word the
   * knowledge base uses in another form ("srchickt" → schicken, "Verbidnung" → verbinden).
   * A stem is short, so its first letter must be right.
   */
  stemTypos(stem: string): VocabularyMatch[] {
    return typoMatches(stem, this.stemBuckets, [stem[0] ?? ''], (known) => known);
  }
}

/** The best typo weight per stem over the bucketed words a typo apart from `word`. */
function typoMatches(
  word: string,
  buckets: ReadonlyMap<string, string[]>,
  firstLetters: string[],
  stemOf: (known: string) => string | undefined,
): VocabularyMatch[] {
  const allowance = typoAllowance(word.length);
  if (allowance === 0) return [];
  const best = new Map<string, number>();
  for (let length = word.length - allowance; length <= word.length + allowance; length++) {
    for (const first of new Set(firstLetters)) {
      for (const known of buckets.get(bucketKey(first, length)) ?? []) {
        const edits = typoEdits(word, known);
        if (edits === undefined) continue;
        const stem = stemOf(known);
        if (stem === undefined) continue;
        const weight = edits === 1 ? TYPO_WEIGHT : FAR_TYPO_WEIGHT;
        if ((best.get(stem) ?? 0) < weight) best.set(stem, weight);
      }
    }
  }
  return [...best].map(([stem, weight]) => ({ stem, weight }));
}

function addToBucket(buckets: Map<string, string[]>, word: string): void {
  const key = bucketKey(word[0] ?? '', word.length);
  const bucket = buckets.get(key);
  if (bucket) bucket.push(word);
  else buckets.set(key, [word]);
}

function bucketKey(first: string, length: number): string {
  return `${first}${length}`;
}

function lowerBound(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as string) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
