import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { createIfMissing, queryAll, updateDocument, type Store, type Stored } from '../storage';
import {
  FEEDBACK_CONTAINER,
  GAPS_CONTAINER,
  QUESTIONS_CONTAINER,
  type AskedQuestion,
  type Feedback,
  type KnowledgeGap,
  type Vote,
} from './model';

export type NewQuestion = Omit<AskedQuestion, 'id' | 'createdAt'>;

/** Questions, votes and knowledge gaps, as the ask flow records them. */
/** The form of the ids `record` gives (randomUUID). */
const QUESTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class QuestionLog {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async record(question: NewQuestion): Promise<Stored<AskedQuestion>> {
    const createdAt = this.clock.now().toISOString();
    const stored = await this.store.create<AskedQuestion>(QUESTIONS_CONTAINER, {
      ...question,
      id: randomUUID(),
      createdAt,
    });
    if (question.outcome === 'abstain') {
      await this.addGap({ text: question.text, unit: question.unit, reason: 'unanswered' });
    }
    return stored;
  }

  /** `questionId` comes back from a card: anything but an id this log made is no question. */
  async get(questionId: string): Promise<Stored<AskedQuestion> | undefined> {
    if (!QUESTION_ID.test(questionId)) return undefined;
    return this.store.get<AskedQuestion>(QUESTIONS_CONTAINER, questionId);
  }

  /**
   * Records the user's vote on an answer, replacing an earlier one. A 👎 keeps the question
   * as a knowledge gap (once per user and answer). Returns false for a question that is not
   * the voter's or an entry the bot did not show for it.
   */
  async vote(askerId: string, questionId: string, entryId: string, vote: Vote): Promise<boolean> {
    const question = await this.get(questionId);
    if (!question || question.askerId !== askerId || !question.entryIds.includes(entryId))
      return false;
    const id = `${askerId}|${entryId}`;
    const updatedAt = this.clock.now().toISOString();
    const base: Feedback = { id, askerId, entryId, questionId, vote, updatedAt };
    const { doc, created } = await createIfMissing<Feedback>(this.store, FEEDBACK_CONTAINER, base);
    const previous = created ? undefined : doc.vote;
    if (!created) {
      await updateDocument<Feedback>(this.store, FEEDBACK_CONTAINER, id, (current) => ({
        ...current,
        questionId,
        vote,
        updatedAt,
      }));
    }
    if (vote === 'down' && previous !== 'down') {
      await this.addGap({ text: question.text, unit: question.unit, reason: 'downvoted', entryId });
    }
    return true;
  }

  feedbackOf(askerId: string, entryId: string): Promise<Stored<Feedback> | undefined> {
    return this.store.get<Feedback>(FEEDBACK_CONTAINER, `${askerId}|${entryId}`);
  }

  /** Knowledge gaps recorded at or after `since`. */
  async gapsSince(since: Date): Promise<KnowledgeGap[]> {
    const gaps: KnowledgeGap[] = [];
    const where = [{ field: 'createdAt', op: '>=' as const, value: since.toISOString() }];
    for await (const gap of queryAll<KnowledgeGap>(this.store, GAPS_CONTAINER, { where }))
      gaps.push(gap);
    return gaps;
  }

  private async addGap(gap: Omit<KnowledgeGap, 'id' | 'createdAt'>): Promise<void> {
    await this.store.create<KnowledgeGap>(GAPS_CONTAINER, {
      ...gap,
      id: randomUUID(),
      createdAt: this.clock.now().toISOString(),
    });
  }
}
