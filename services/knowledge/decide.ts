/**
 * What the bot does with search results: answer when confident, offer up to a few
 * suggestions ("Meinten Sie …?") when unsure, otherwise say honestly that it has no answer.
 */
import type { KnowledgeEntry } from './model';
import type { SearchHit, SearchResults } from './search';
import { smallTalkReplies, type Reply, type SmallTalkKind } from './smalltalk';

export interface DecisionThresholds {
  /** Lowest confidence of the top hit for answering directly. */
  answer: number;
  /** Lowest confidence of a hit for offering it as a suggestion or alternative. */
  suggest: number;
  /** Suggestions (and alternatives under an answer) shown at most. */
  maxSuggestions: number;
}

/** Chosen on the development questions (see the knowledge README). */
export const defaultThresholds: DecisionThresholds = {
  answer: 0.6,
  suggest: 0.25,
  maxSuggestions: 3,
};

export type Decision =
  | { kind: 'answer'; entry: KnowledgeEntry; confidence: number; alternatives: SearchHit[] }
  | { kind: 'suggest'; suggestions: SearchHit[] }
  | { kind: 'smalltalk'; smallTalk: SmallTalkKind; reply: Reply }
  | { kind: 'abstain' };

export function decide(
  results: SearchResults,
  thresholds: DecisionThresholds = defaultThresholds,
): Decision {
  if (results.smallTalk) {
    return {
      kind: 'smalltalk',
      smallTalk: results.smallTalk,
      reply: smallTalkReplies[results.smallTalk],
    };
  }
  const [top, ...rest] = results.hits;
  if (!top || top.confidence < thresholds.suggest) return { kind: 'abstain' };
  if (top.confidence >= thresholds.answer) {
    const alternatives = rest
      .filter((hit) => hit.confidence >= thresholds.suggest)
      .slice(0, Math.max(0, thresholds.maxSuggestions - 1));
    return { kind: 'answer', entry: top.entry, confidence: top.confidence, alternatives };
  }
  const suggestions = results.hits
    .filter((hit) => hit.confidence >= thresholds.suggest)
    .slice(0, thresholds.maxSuggestions);
  return { kind: 'suggest', suggestions };
}
