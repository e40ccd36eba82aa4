/** The knowledge capability: QnA Maker TSV, German-first search, answer decisions, evaluation. */
export type { KnowledgeEntry, Language, Prompt } from './model';
export {
  formatQnaTsv,
  parseQnaTsv,
  QNA_TSV_COLUMNS,
  QNA_TSV_HEADER,
  type QnaTsvParseOptions,
  type QnaTsvParseResult,
} from './tsv';
export { detectLanguage } from './analysis/language';
export {
  buildKnowledgeIndex,
  defaultSearchTuning,
  KnowledgeIndex,
  type SearchHit,
  type SearchOptions,
  type SearchResults,
  type SearchTuning,
} from './search';
export { defaultConfidenceModel, type ConfidenceModel } from './confidence';
export { decide, defaultThresholds, type Decision, type DecisionThresholds } from './decide';
export { detectSmallTalk, smallTalkReplies, type Reply, type SmallTalkKind } from './smalltalk';
export {
  formatBatchResults,
  parseBatchQuestions,
  type BatchParseResult,
  type BatchQuestion,
  type BatchResult,
} from './batch-test';
export {
  evaluateQuestions,
  NO_ANSWER_ID,
  shownEntryIds,
  summarise,
  type EvaluatedQuestion,
  type EvaluationMetrics,
} from './evaluation';
export { KNOWLEDGE_CONTAINER, KNOWLEDGE_META_CONTAINER, KnowledgeRepository } from './repository';
export { KnowledgeBase, type Answered } from './knowledge-base';
export { readDefaultKnowledgeBase } from './default-kb';
export {
  FAQ_PROPOSALS_CONTAINER,
  FaqReview,
  proposeFaq,
  type FaqProposal,
  type ReviewOutcome,
} from './faq-review';
