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

  get(questionId: string): Promise<Stored<AskedQuestion> | undefined> {
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

  /** Retention: removes gaps and logged questions older than `days`. Returns how many. */
  async purgeOlderThan(days: number): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - days * 86_400_000).toISOString();
    let removed = 0;
    for (const container of [GAPS_CONTAINER, QUESTIONS_CONTAINER]) {
      const where = [{ field: 'createdAt', op: '<' as const, value: cutoff }];
      const old: string[] = [];
      for await (const doc of queryAll<AskedQuestion | KnowledgeGap>(this.store, container, {
        where,
      })) {
        old.push(doc.id);
      }
      for (const id of old) if (await this.store.delete(container, id)) removed += 1;
    }
    return removed;
  }

  private async addGap(gap: Omit<KnowledgeGap, 'id' | 'createdAt'>): Promise<void> {
    await this.store.create<KnowledgeGap>(GAPS_CONTAINER, {
      ...gap,
      id: randomUUID(),
      createdAt: this.clock.now().toISOString(),
    });
  }
}
