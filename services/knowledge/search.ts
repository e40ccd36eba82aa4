/**
 * Ranked search over the knowledge index. Each question token scores an entry with the
 * idf of the best index term it matches (whole word or compound parts; guesses count
 * less; a hit only in the answer counts less than one in a phrasing). The ranking blends
 * how much of the question an entry covers with how much of its best phrasing the
 * question covers; the confidence model turns that evidence into 0..1.
 */
import { detectLanguage } from './analysis/language';
import {
  analyseQuery,
  defaultQueryOptions,
  type QueryOptions,
  type QueryToken,
} from './analysis/query';
import {
  confidenceOf,
  defaultConfidenceModel,
  type ConfidenceModel,
  type HitEvidence,
} from './confidence';
import { idfFor, QuestionScorer, type ScoringWeights } from './scoring';
import { buildIndexData, type IndexData, type IndexedEntry, type IndexedWord } from './indexing';
import type { KnowledgeEntry, Language } from './model';
import { detectSmallTalk, type SmallTalkKind } from './smalltalk';

export interface SearchTuning extends ScoringWeights, QueryOptions {
  /** Share of the ranking given to the best phrasing's coverage. */
  phrasingWeight: number;
  /** Factor for entries the context entry prompts to. */
  contextBoost: number;
  /** Share of the confidence in the final order of the best hits (the rest: ranking score). */
  confidenceRank: number;
  /**
   * How many of the best hits by coverage the confidence may reorder: it tells close
   * candidates apart, but must not lift a weak match from far below.
   */
  confidenceRankPool: number;
  /** Hits returned at most. */
  limit: number;
  /** Entries (best by coverage) whose phrasings are compared with the question. */
  shortlist: number;
  confidence: ConfidenceModel;
}

export const defaultSearchTuning: SearchTuning = {
  answerWeight: 0.4,
  unknownWordWeight: 0.8,
  stopWordWeight: 0.25,
  stopWordIdfCap: 1.5,
  ...defaultQueryOptions,
  phrasingWeight: 0.3,
  contextBoost: 1.15,
  confidenceRank: 0.65,
  confidenceRankPool: 3,
  limit: 10,
  shortlist: 40,
  confidence: defaultConfidenceModel,
};

export interface SearchOptions {
  /** Id of the entry the user is following up on (its prompts become reachable). */
  context?: string;
}

export interface SearchHit {
  entry: KnowledgeEntry;
  /** The phrasing of the entry closest to the question. */
  question: string;
  /**
   * Ranking score from coverage, 0..1 for an ordinary hit. The first few hits are ordered
   * by its blend with the confidence (`confidenceRank`), the rest by it alone.
   */
  score: number;
  /** 0..1, comparable across questions. */
  confidence: number;
  /** What the confidence was computed from, for explanations and tuning. */
  evidence: HitEvidence;
}

export interface SearchResults {
  language: Language;
  /** Set when the message is only small talk; hits are then empty. */
  smallTalk?: SmallTalkKind;
  hits: SearchHit[];
}

interface Candidate {
  position: number;
  matched: number;
  score: number;
  coverage: number;
  phrasingCoverage: number;
  phrasing: number;
}

export class KnowledgeIndex {
  private readonly byId: ReadonlyMap<string, IndexedEntry>;
  private readonly scorer: QuestionScorer;

  constructor(
    private readonly data: IndexData,
    private readonly tuning: SearchTuning = defaultSearchTuning,
  ) {
    this.byId = new Map(data.entries.map((indexed) => [indexed.entry.id, indexed]));
    this.scorer = new QuestionScorer(data, tuning);
  }

  get size(): number {
    return this.data.entries.length;
  }

  entry(id: string): KnowledgeEntry | undefined {
    return this.byId.get(id)?.entry;
  }

  search(question: string, options: SearchOptions = {}): SearchResults {
    const language = detectLanguage(question);
    const smallTalk = detectSmallTalk(question);
    if (smallTalk) return { language, smallTalk, hits: [] };
    const tokens = analyseQuery(question, language, this.data.vocabulary, this.tuning);
    return { language, hits: this.rank(tokens, options) };
  }

  private rank(tokens: QueryToken[], options: SearchOptions): SearchHit[] {
    const scored = this.scorer.score(tokens);
    if (scored.total === 0 || scored.topical.length === 0) return [];
    const parent = options.context ? this.byId.get(options.context) : undefined;
    // Only entries sharing a content word compete; the phrasing comparison, the costly
    // part, is done for the best of them by coverage alone.
    const shortlist = scored.topical
      .map((position) => ({ position, matched: scored.matched(position) }))
      .filter(({ position }) => {
        const indexed = this.data.entries[position] as IndexedEntry;
        return (
          !indexed.entry.isContextOnly || (parent?.promptTargets.has(indexed.entry.id) ?? false)
        );
      })
      .sort((a, b) => b.matched - a.matched)
      .slice(0, this.tuning.shortlist);
    const candidates: Candidate[] = [];
    for (const { position, matched } of shortlist) {
      const indexed = this.data.entries[position] as IndexedEntry;
      const followUp = parent?.promptTargets.has(indexed.entry.id) ?? false;
      const { coverage: phrasingCoverage, phrasing } = this.bestPhrasing(indexed, scored.best);
      const coverage = matched / scored.total;
      const blended =
        (1 - this.tuning.phrasingWeight) * coverage + this.tuning.phrasingWeight * phrasingCoverage;
      const score = followUp ? blended * this.tuning.contextBoost : blended;
      candidates.push({ position, matched, score, coverage, phrasingCoverage, phrasing });
    }
    candidates.sort((a, b) => b.score - a.score);
    const hits = candidates.slice(0, this.tuning.limit).map((candidate, rank) => {
      const rival = rank === 0 ? candidates[1] : candidates[0];
      const indexed = this.data.entries[candidate.position] as IndexedEntry;
      const evidence: HitEvidence = {
        coverage: candidate.coverage,
        questionCoverage: scored.matchedInQuestions(candidate.position) / scored.total,
        phrasingCoverage: candidate.phrasingCoverage,
        margin: candidate.score - (rival?.score ?? 0),
        matched: candidate.matched,
        unmatched: scored.largestUnmatched(candidate.position),
        tokenCoverage: scored.tokenCoverage(candidate.position),
        unknownShare: scored.unknownShare,
        salientMiss: scored.salientMiss(candidate.position),
        salientCoverage: scored.salientCoverage(candidate.position),
      };
      return {
        entry: indexed.entry,
        question: indexed.entry.questions[candidate.phrasing] ?? '',
        score: candidate.score,
        confidence: confidenceOf(evidence, this.tuning.confidence),
        evidence,
      };
    });
    // The best few by coverage are reordered by a blend with the confidence, which also
    // weighs what an entry leaves unmatched; entries further down keep their order.
    const share = this.tuning.confidenceRank;
    const pool = this.tuning.confidenceRankPool;
    const order = (hit: SearchHit): number => (1 - share) * hit.score + share * hit.confidence;
    const head = hits.slice(0, pool).sort((a, b) => order(b) - order(a));
    return [...head, ...hits.slice(pool)];
  }

  /** The phrasing whose weight the question covers most, and that share. */
  private bestPhrasing(
    indexed: IndexedEntry,
    best: ReadonlyMap<string, number>,
  ): { coverage: number; phrasing: number } {
    let result = { coverage: 0, phrasing: 0 };
    indexed.phrasings.forEach((words, phrasing) => {
      let covered = 0;
      let weight = 0;
      for (const word of words) {
        const wordWeight =
          idfFor(this.data, this.tuning, word.stem, word.stop) *
          (word.stop ? this.tuning.stopWordWeight : 1);
        weight += wordWeight;
        covered += wordWeight * wordMatch(word, best);
      }
      const coverage = weight > 0 ? covered / weight : 0;
      if (coverage > result.coverage) result = { coverage, phrasing };
    });
    return result;
  }
}

/**
 * How well the question matches a word of a phrasing. A compound counts by its parts, the
 * head (last part) for half: a "Digitallotsen-Bot" is first of all a bot.
 */
function wordMatch(word: IndexedWord, best: ReadonlyMap<string, number>): number {
  const whole = best.get(word.stem) ?? 0;
  const head = word.parts[word.parts.length - 1];
  if (head === undefined) return whole;
  const modifiers = word.parts.slice(0, -1);
  // A modifier too short to index ("E-" of "E-Mail") leaves the head alone, at its share.
  const modifierMatch =
    modifiers.length === 0
      ? 0
      : modifiers.reduce((sum, part) => sum + (best.get(part) ?? 0), 0) / modifiers.length;
  return Math.max(whole, HEAD_SHARE * (best.get(head) ?? 0) + (1 - HEAD_SHARE) * modifierMatch);
}

const HEAD_SHARE = 0.5;

export function buildKnowledgeIndex(
  entries: readonly KnowledgeEntry[],
  tuning: Partial<SearchTuning> = {},
): KnowledgeIndex {
  return new KnowledgeIndex(buildIndexData(entries), { ...defaultSearchTuning, ...tuning });
}
