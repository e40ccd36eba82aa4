import {
  decide,
  defaultThresholds,
  type DecisionThresholds,
  type KnowledgeEntry,
  type SearchHit,
  type SearchResults,
} from '../../../services/knowledge';
import { fixtureEntries } from './fixture-kb';

const entries = fixtureEntries();
const thresholds: DecisionThresholds = { answer: 0.6, suggest: 0.3, maxSuggestions: 3 };

function hit(entry: KnowledgeEntry, confidence: number): SearchHit {
  return {
    entry,
    question: entry.questions[0] ?? '',
    score: confidence,
    confidence,
    evidence: {
      coverage: confidence,
      questionCoverage: confidence,
      phrasingCoverage: confidence,
      margin: 0,
      matched: 1,
      unmatched: 0,
      tokenCoverage: confidence,
      unknownShare: 0,
      salientMiss: 0,
      salientCoverage: confidence,
    },
  };
}

const results = (...confidences: number[]): SearchResults => ({
  language: 'de',
  hits: confidences.map((confidence, i) => hit(entries[i] as KnowledgeEntry, confidence)),
});

describe('answer decision', () => {
  it('answers when the top hit is confident, with likely alternatives', () => {
    const decision = decide(results(0.9, 0.5, 0.4, 0.35, 0.1), thresholds);
    expect(decision.kind).toBe('answer');
    if (decision.kind !== 'answer') return;
    expect(decision.entry.id).toBe(entries[0]?.id);
    expect(decision.confidence).toBe(0.9);
    expect(decision.alternatives.map((a) => a.confidence)).toEqual([0.5, 0.4]);
  });

  it('suggests up to three entries when unsure', () => {
    const decision = decide(results(0.5, 0.45, 0.4, 0.35, 0.2), thresholds);
    expect(decision.kind).toBe('suggest');
    if (decision.kind !== 'suggest') return;
    expect(decision.suggestions.map((s) => s.confidence)).toEqual([0.5, 0.45, 0.4]);
  });

  it('abstains below the suggestion threshold or without hits', () => {
    expect(decide(results(0.2, 0.1), thresholds)).toEqual({ kind: 'abstain' });
    expect(decide(results(), thresholds)).toEqual({ kind: 'abstain' });
  });

  it('replies to small talk in German and English', () => {
    const decision = decide({ language: 'de', smallTalk: 'thanks', hits: [] }, thresholds);
    expect(decision.kind).toBe('smalltalk');
    if (decision.kind !== 'smalltalk') return;
    expect(decision.reply.de).toMatch(/Gern geschehen/);
    expect(decision.reply.en).toMatch(/welcome/);
  });

  it('ships defaults that order abstain < suggest < answer', () => {
    expect(defaultThresholds.suggest).toBeLessThan(defaultThresholds.answer);
    expect(defaultThresholds.maxSuggestions).toBe(3);
  });
});
