export {
  FEEDBACK_CONTAINER,
  GAPS_CONTAINER,
  QUESTIONS_CONTAINER,
  type AskedQuestion,
  type Feedback,
  type KnowledgeGap,
  type Outcome,
  type Vote,
} from './model';
export { QuestionLog, type NewQuestion } from './question-log';
export { groupGaps, UNKNOWN_UNIT, type GapTopic } from './gap-report';
