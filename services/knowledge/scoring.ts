/**
 * Scores question tokens against the index: for every token, the value of the best index
 * term it matches in each entry (idf × match weight × field weight), and its mass — the
 * value a perfect entry would get. Works on typed arrays reused between questions, since
 * common words have postings over much of a large knowledge base.
 */
import type { QueryToken } from './analysis/query';
import { IN_QUESTION, type IndexData } from './indexing';

export interface ScoringWeights {
  /** Weight of a term found only in the answer, relative to one in a phrasing. */
  answerWeight: number;
  /** Weight of a question word the knowledge base does not know, relative to a rare term. */
  unknownWordWeight: number;
  /** Weight of a stop word relative to a content word with the same idf. */
  stopWordWeight: number;
  /** Idf a stop word counts with at most: a rare stop word is still no topic. */
  stopWordIdfCap: number;
}

export interface QuestionScore {
  /** Sum of the token masses: what a perfect entry would get. */
  total: number;
  /** Entry positions that match at least one content word (any match, if it has none). */
  topical: number[];
  /** Summed token values of an entry. */
  matched(position: number): number;
  /** Summed token values of an entry from its phrasings alone. */
  matchedInQuestions(position: number): number;
  /** Mass of the weightiest content token the entry does not match. */
  largestUnmatched(position: number): number;
  /** Share of the content tokens (by sentence weight) the entry matches, 0..1. */
  tokenCoverage(position: number): number;
  /** Share of the total mass from words the knowledge base does not know at all, 0..1. */
  unknownShare: number;
  /**
   * Salience (× sentence weight) of the most topical content word the entry's phrasings do
   * not match; a match in the answer alone counts as a partial miss.
   */
  salientMiss(position: number): number;
  /** Share of the content words' salience (× sentence weight) the phrasings match, 0..1. */
  salientCoverage(position: number): number;
  /** The strongest weight with which the question matches each term. */
  best: ReadonlyMap<string, number>;
}

export function idfFor(
  data: IndexData,
  weights: ScoringWeights,
  term: string,
  stop: boolean,
): number {
  const idf = data.idf.get(term) ?? 0;
  return stop ? Math.min(idf, weights.stopWordIdfCap) : idf;
}

/** Content tokens beyond this many still score but are not tracked as unmatched. */
const TRACKED_TOKENS = 32;

/** A per-entry accumulator that remembers which entries it touched, for cheap resets. */
class EntryValues {
  readonly values: Float64Array;
  readonly touched: number[] = [];

  constructor(size: number) {
    this.values = new Float64Array(size);
  }

  keepLarger(position: number, value: number): void {
    const current = this.values[position] as number;
    if (current === 0) this.touched.push(position);
    if (value > current) this.values[position] = value;
  }

  add(position: number, value: number): void {
    if (this.values[position] === 0) this.touched.push(position);
    this.values[position] = (this.values[position] as number) + value;
  }

  /** Adds (or keeps the larger of) every touched value into another accumulator and resets. */
  drainInto(target: EntryValues, how: 'add' | 'keepLarger'): void {
    for (const position of this.touched) {
      const value = this.values[position] as number;
      if (how === 'add') target.add(position, value);
      else target.keepLarger(position, value);
      this.values[position] = 0;
    }
    this.touched.length = 0;
  }

  reset(): void {
    for (const position of this.touched) this.values[position] = 0;
    this.touched.length = 0;
  }
}

/** Scores questions against one index; not re-entrant (one question at a time). */
export class QuestionScorer {
  private readonly part: EntryValues;
  private readonly partInQuestions: EntryValues;
  private readonly reading: EntryValues;
  private readonly readingInQuestions: EntryValues;
  private readonly token: EntryValues;
  private readonly tokenInQuestions: EntryValues;
  private readonly matched: EntryValues;
  private readonly matchedInQuestions: EntryValues;
  /** Bit i set: content token i matches the entry. */
  private readonly masks: Uint32Array;
  /** Bit i set: content token i matches one of the entry's phrasings. */
  private readonly phrasingMasks: Uint32Array;

  constructor(
    private readonly data: IndexData,
    private readonly weights: ScoringWeights,
  ) {
    const size = data.entries.length;
    this.part = new EntryValues(size);
    this.partInQuestions = new EntryValues(size);
    this.reading = new EntryValues(size);
    this.readingInQuestions = new EntryValues(size);
    this.token = new EntryValues(size);
    this.tokenInQuestions = new EntryValues(size);
    this.matched = new EntryValues(size);
    this.matchedInQuestions = new EntryValues(size);
    this.masks = new Uint32Array(size);
    this.phrasingMasks = new Uint32Array(size);
  }

  score(tokens: readonly QueryToken[]): QuestionScore {
    for (const position of this.matched.touched) {
      this.masks[position] = 0;
      this.phrasingMasks[position] = 0;
    }
    this.matched.reset();
    this.matchedInQuestions.reset();
    const best = new Map<string, number>();
    const unknownMass = this.data.unseenIdf * this.weights.unknownWordWeight;
    const contentMasses: number[] = [];
    const contentWeights: number[] = [];
    const contentSaliences: number[] = [];
    let total = 0;
    let unknown = 0;
    for (const token of tokens) {
      if (token.stop && token.readings.length === 0) continue;
      const { mass, unknownPart } = this.scoreToken(token, best, unknownMass);
      total += mass;
      unknown += unknownPart;
      const bit =
        token.stop || contentMasses.length >= TRACKED_TOKENS ? 0 : 1 << contentMasses.length;
      if (!token.stop && bit !== 0) {
        contentMasses.push(mass);
        contentWeights.push(token.weight);
        contentSaliences.push(token.salience * token.weight);
      }
      for (const position of this.token.touched) {
        this.masks[position] = ((this.masks[position] as number) | bit) >>> 0;
      }
      for (const position of this.tokenInQuestions.touched) {
        this.phrasingMasks[position] = ((this.phrasingMasks[position] as number) | bit) >>> 0;
      }
      if (!token.stop && bit === 0) {
        // Untracked content tokens still make an entry topical.
        for (const position of this.token.touched) {
          this.masks[position] = ((this.masks[position] as number) | (1 << 31)) >>> 0;
        }
      }
      this.token.drainInto(this.matched, 'add');
      this.tokenInQuestions.drainInto(this.matchedInQuestions, 'add');
    }
    // A question of stop words only ("Was kannst du?") is judged by them alone; a word that
    // may be a misspelt stop word may as well be a topic, so it is no such question.
    const hasContent = tokens.some((token) => !token.stop || token.misspeltStop);
    const matched = this.matched.values;
    const inQuestions = this.matchedInQuestions.values;
    const masks = this.masks;
    const phrasingMasks = this.phrasingMasks;
    // How much of a content word an entry covers: all in a phrasing, a little in its answer.
    const answerOnly = this.weights.answerWeight;
    const covered = (position: number, i: number): number => {
      if ((((phrasingMasks[position] as number) >>> i) & 1) !== 0) return 1;
      return (((masks[position] as number) >>> i) & 1) !== 0 ? answerOnly : 0;
    };
    return {
      total,
      topical: hasContent
        ? this.matched.touched.filter((position) => masks[position] !== 0)
        : [...this.matched.touched],
      matched: (position) => matched[position] as number,
      matchedInQuestions: (position) => inQuestions[position] as number,
      largestUnmatched: (position) => {
        let largest = 0;
        contentMasses.forEach((mass, i) => {
          if (((masks[position] as number) & (1 << i)) === 0) largest = Math.max(largest, mass);
        });
        return largest;
      },
      tokenCoverage: (position) => {
        let matchedWeight = 0;
        let allWeight = 0;
        contentWeights.forEach((weight, i) => {
          allWeight += weight;
          if (((masks[position] as number) & (1 << i)) !== 0) matchedWeight += weight;
        });
        return allWeight > 0 ? matchedWeight / allWeight : 1;
      },
      unknownShare: total > 0 ? unknown / total : 0,
      salientMiss: (position) => {
        let largest = 0;
        contentSaliences.forEach((salience, i) => {
          largest = Math.max(largest, salience * (1 - covered(position, i)));
        });
        return largest;
      },
      salientCoverage: (position) => {
        let matchedSalience = 0;
        let allSalience = 0;
        contentSaliences.forEach((salience, i) => {
          allSalience += salience;
          matchedSalience += salience * covered(position, i);
        });
        return allSalience > 0 ? matchedSalience / allSalience : 1;
      },
      best,
    };
  }

  /**
   * Leaves the token's values in `token`/`tokenInQuestions`; returns its mass and how much
   * of it the knowledge base does not know (all of an unknown word, the unknown parts of a
   * compound).
   */
  private scoreToken(
    token: QueryToken,
    best: Map<string, number>,
    unknownMass: number,
  ): { mass: number; unknownPart: number } {
    const tokenWeight = (token.stop ? this.weights.stopWordWeight : 1) * token.weight;
    const unknownTokenMass = unknownMass * token.weight;
    let mass = token.readings.length === 0 ? unknownTokenMass : 0;
    let unknownPart = mass;
    for (const reading of token.readings) {
      let readingMass = 0;
      let readingUnknown = 0;
      for (const part of reading) {
        let partMass = 0;
        for (const { term, weight } of part) {
          if ((best.get(term) ?? 0) < weight) best.set(term, weight);
          const idf = idfFor(this.data, this.weights, term, token.stop);
          const termValue = (tokenWeight * weight * idf) / reading.length;
          partMass = Math.max(partMass, termValue);
          const posting = this.data.postings.get(term);
          if (!posting) continue;
          const answerValue = termValue * this.weights.answerWeight;
          for (let i = 0; i < posting.entries.length; i++) {
            const position = posting.entries[i] as number;
            if (((posting.fields[i] as number) & IN_QUESTION) !== 0) {
              this.part.keepLarger(position, termValue);
              this.partInQuestions.keepLarger(position, termValue);
            } else {
              this.part.keepLarger(position, answerValue);
            }
          }
        }
        if (part.length > 0) {
          readingMass += partMass;
        } else {
          // A part the knowledge base does not know weighs like an unknown word, and is one.
          const unknownPartMass = unknownTokenMass / reading.length;
          readingMass += unknownPartMass;
          readingUnknown += unknownPartMass;
        }
        this.part.drainInto(this.reading, 'add');
        this.partInQuestions.drainInto(this.readingInQuestions, 'add');
      }
      if (readingMass > mass) {
        mass = readingMass;
        unknownPart = readingUnknown;
      }
      this.reading.drainInto(this.token, 'keepLarger');
      this.readingInQuestions.drainInto(this.tokenInQuestions, 'keepLarger');
    }
    return { mass, unknownPart };
  }
}
