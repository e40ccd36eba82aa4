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
  /** Share of the question's content words (by sentence weight) the entry matches, 0..1. */
  tokenCoverage: number;
  /** Share of the question's weight from words the knowledge base does not know, 0..1. */
  unknownShare: number;
  /**
   * Salience in general German of the most topical question word the entry's phrasings do
   * not match, 0..1: a rare word left over ("Kantine" next to a matched "Rathaus") says
   * the question is about something else.
   */
  salientMiss: number;
  /** Share of the question words' general-German salience the phrasings match, 0..1. */
  salientCoverage: number;
}

export interface ConfidenceModel {
  bias: number;
  coverage: number;
  questionCoverage: number;
  phrasingCoverage: number;
  margin: number;
  matched: number;
  unmatched: number;
  tokenCoverage: number;
  unknownShare: number;
  salientMiss: number;
  salientCoverage: number;
}

/**
 * Fitted by L2-regularised logistic regression (0.01) on the union of the development
 * questions and own labelled sets, with "the question is in scope" as the target: a wrong
 * entry is a ranking error, but a question the knowledge base cannot answer must be told
 * apart from all others. Features were chosen by 10-fold out-of-fold metrics; the ones
 * weighted 0 did not help there (see the knowledge README).
 */
export const defaultConfidenceModel: ConfidenceModel = {
  bias: -2.68,
  coverage: 0,
  questionCoverage: 0.54,
  phrasingCoverage: 1.44,
  margin: 0,
  matched: 2.25,
  unmatched: -0.38,
  tokenCoverage: 0,
  unknownShare: -0.9,
  salientMiss: -0.46,
  salientCoverage: 0.69,
};

export function confidenceOf(evidence: HitEvidence, model = defaultConfidenceModel): number {
  const z =
    model.bias +
    model.coverage * evidence.coverage +
    model.questionCoverage * evidence.questionCoverage +
    model.phrasingCoverage * evidence.phrasingCoverage +
    model.margin * evidence.margin +
    model.matched * Math.log1p(evidence.matched) +
    model.unmatched * evidence.unmatched +
    model.tokenCoverage * evidence.tokenCoverage +
    model.unknownShare * evidence.unknownShare +
    model.salientMiss * evidence.salientMiss +
    model.salientCoverage * evidence.salientCoverage;
  return 1 / (1 + Math.exp(-z));
}
