/**
 * Batch evaluation of the search on labelled questions, as QnA Maker's batch test did.
 *
 * Counting rules:
 * - The bot *answers* only with a decision of kind `answer`. Suggestions ("Meinten Sie …?"),
 *   small talk and "no answer" all count as abstaining (AnswerID -1): the user did not get
 *   an answer.
 * - top1: an in-scope question whose answer is the expected entry.
 * - top3: an in-scope question whose expected entry is among the first three entries
 *   shown — the answer and its alternatives, or the suggestions.
 * - abstain precision/recall: abstentions measured against the questions labelled -1.
 */
import { performance } from 'node:perf_hooks';
import type { BatchQuestion, BatchResult } from './batch-test';
import { decide, type Decision, type DecisionThresholds } from './decide';
import type { KnowledgeIndex } from './search';

export interface EvaluatedQuestion {
  question: BatchQuestion;
  decision: Decision;
  result: BatchResult;
  /** Search and decision time. */
  ms: number;
}

export interface EvaluationMetrics {
  inScope: number;
  top1: number;
  top3: number;
  outOfScope: number;
  abstainPrecision: number;
  abstainRecall: number;
  p50Ms: number;
  p99Ms: number;
}

export const NO_ANSWER_ID = '-1';
const NO_ANSWER_TEXT = 'Keine passende Antwort gefunden.';

export function evaluateQuestions(
  index: KnowledgeIndex,
  questions: readonly BatchQuestion[],
  thresholds: DecisionThresholds,
  now: () => number = () => performance.now(),
): EvaluatedQuestion[] {
  return questions.map((question) => {
    const started = now();
    const results = index.search(question.question);
    const decision = decide(results, thresholds);
    const ms = now() - started;
    const topConfidence = results.hits[0]?.confidence ?? 0;
    return { question, decision, result: batchResult(decision, topConfidence), ms };
  });
}

function batchResult(decision: Decision, topConfidence: number): BatchResult {
  const score = Math.round(topConfidence * 10000) / 100;
  switch (decision.kind) {
    case 'answer':
      return { answer: decision.entry.answer, answerId: decision.entry.id, score };
    case 'suggest':
      return {
        answer: `Meinten Sie: ${decision.suggestions.map((hit) => hit.question).join(' | ')}`,
        answerId: NO_ANSWER_ID,
        score,
      };
    case 'smalltalk':
      return { answer: decision.reply.de, answerId: NO_ANSWER_ID, score: 0 };
    case 'abstain':
      return { answer: NO_ANSWER_TEXT, answerId: NO_ANSWER_ID, score };
  }
}

/** Entry ids shown to the user, in order: the answer and its alternatives, or suggestions. */
export function shownEntryIds(decision: Decision): string[] {
  if (decision.kind === 'answer') {
    return [decision.entry.id, ...decision.alternatives.map((hit) => hit.entry.id)];
  }
  return decision.kind === 'suggest' ? decision.suggestions.map((hit) => hit.entry.id) : [];
}

export function summarise(evaluated: readonly EvaluatedQuestion[]): EvaluationMetrics {
  const labelled = evaluated.filter((e) => e.question.expectedAnswerId !== undefined);
  const inScope = labelled.filter((e) => e.question.expectedAnswerId !== NO_ANSWER_ID);
  const outOfScope = labelled.filter((e) => e.question.expectedAnswerId === NO_ANSWER_ID);
  const abstained = labelled.filter((e) => e.decision.kind !== 'answer');
  const rightlyAbstained = abstained.filter((e) => e.question.expectedAnswerId === NO_ANSWER_ID);
  const top1 = inScope.filter((e) => e.result.answerId === e.question.expectedAnswerId);
  const top3 = inScope.filter((e) =>
    shownEntryIds(e.decision)
      .slice(0, 3)
      .includes(e.question.expectedAnswerId as string),
  );
  const times = evaluated.map((e) => e.ms);
  return {
    inScope: inScope.length,
    top1: ratio(top1.length, inScope.length),
    top3: ratio(top3.length, inScope.length),
    outOfScope: outOfScope.length,
    abstainPrecision: ratio(rightlyAbstained.length, abstained.length),
    abstainRecall: ratio(rightlyAbstained.length, outOfScope.length),
    p50Ms: round(percentile(times, 50), 3),
    p99Ms: round(percentile(times, 99), 3),
  };
}

/** A share rounded to four decimals; 1 when there is nothing to count (nothing went wrong). */
function ratio(count: number, of: number): number {
  return of === 0 ? 1 : round(count / of, 4);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Nearest-rank percentile; 0 for no values. */
function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}
