/**
 * How sure the search is about a hit, as a probability-like number in 0..1 that means the
 * same for every question: a logistic model over how much of the question the entry
 * covers, how much of its best phrasing the question covers, how far it is ahead of the
 * next entry and how much evidence matched in absolute terms. The weights were fitted on
 * labelled questions (see the knowledge README).
 */

export interface HitEvidence {
  /** Share of the question's weight (idf) matched by the entry, 0..1. */
  coverage: number;
  /** Share of the question's weight matched by the entry's phrasings alone, 0..1. */
  questionCoverage: number;
  /** Share of the best phrasing's weight matched by the question, 0..1. */
  phrasingCoverage: number;
  /** Ranking score minus the best other entry's score (negative below the top). */
  margin: number;
  /** Matched weight in idf units. */
  matched: number;
  /** Weight (idf units) of the weightiest question word the entry does not match. */
  unmatched: number;
}

export interface ConfidenceModel {
  bias: number;
  coverage: number;
  questionCoverage: number;
  phrasingCoverage: number;
  margin: number;
  matched: number;
  unmatched: number;
}

/** Fitted by logistic regression on half of the development questions plus own ones. */
export const defaultConfidenceModel: ConfidenceModel = {
  bias: -4.77,
  coverage: 0,
  questionCoverage: 1.87,
  phrasingCoverage: 2.18,
  margin: 1.3,
  matched: 2.86,
  unmatched: -0.67,
};

export function confidenceOf(evidence: HitEvidence, model = defaultConfidenceModel): number {
  const z =
    model.bias +
    model.coverage * evidence.coverage +
    model.questionCoverage * evidence.questionCoverage +
    model.phrasingCoverage * evidence.phrasingCoverage +
    model.margin * evidence.margin +
    model.matched * Math.log1p(evidence.matched) +
    model.unmatched * evidence.unmatched;
  return 1 / (1 + Math.exp(-z));
}
