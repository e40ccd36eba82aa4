/**
 * The FAQ review queue: answers that lotsen proposed from their tickets, waiting for an
 * organiser to take them into the knowledge base — as a new entry or as a further phrasing
 * of an existing one — or to reject them. Each decision is a conditional write on the
 * proposal, so two organisers cannot decide the same proposal twice.
 */
import type { AuditLog } from '../audit';
import type { Clock } from '../clock';
import {
  createIfMissing,
  queryAll,
  updateDocument,
  type Doc,
  type Store,
  type Stored,
} from '../storage';
import type { KnowledgeRepository } from './repository';

export const FAQ_PROPOSALS_CONTAINER = 'faq-proposals';

export interface FaqProposal extends Doc {
  question: string;
  answer: string;
  language: 'de' | 'en';
  proposedBy: { id: string; displayName: string };
  ticketId: string;
  state: 'pending' | 'accepted' | 'rejected';
  createdAt: string;
  decision?: { by: string; at: string; entryId?: string; as?: 'entry' | 'phrasing' };
}

export type ReviewOutcome =
  | { ok: true; proposal: FaqProposal; entryId?: string }
  | { ok: false; reason: 'unknown' | 'decided' | 'unknown-entry' | 'empty' };

/** One proposal per ticket: proposing twice (a repeated submit) keeps the first. */
export async function proposeFaq(
  store: Store,
  clock: Clock,
  proposal: Omit<FaqProposal, 'id' | 'state' | 'createdAt' | 'decision'>,
): Promise<FaqProposal> {
  const { doc } = await createIfMissing<FaqProposal>(store, FAQ_PROPOSALS_CONTAINER, {
    ...proposal,
    id: `ticket-${proposal.ticketId}`,
    state: 'pending',
    createdAt: clock.now().toISOString(),
  });
  return doc;
}

export class FaqReview {
  constructor(
    private readonly store: Store,
    private readonly repository: KnowledgeRepository,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async pending(limit = 10): Promise<Stored<FaqProposal>[]> {
    const found: Stored<FaqProposal>[] = [];
    const where = [{ field: 'state', op: '=' as const, value: 'pending' }];
    const orderBy = { field: 'createdAt' };
    for await (const proposal of queryAll<FaqProposal>(this.store, FAQ_PROPOSALS_CONTAINER, {
      where,
      orderBy,
    })) {
      found.push(proposal);
      if (found.length >= limit) break;
    }
    return found;
  }

  get(id: string): Promise<Stored<FaqProposal> | undefined> {
    return this.store.get<FaqProposal>(FAQ_PROPOSALS_CONTAINER, id);
  }

  /** Takes the proposal (with the organiser's edits) into the knowledge base as a new entry. */
  async acceptAsEntry(
    id: string,
    reviewerId: string,
    edits: { question?: string; answer?: string; topic?: string } = {},
  ): Promise<ReviewOutcome> {
    const proposal = await this.get(id);
    if (!proposal) return { ok: false, reason: 'unknown' };
    if (proposal.state !== 'pending') return { ok: false, reason: 'decided' };
    const question = (edits.question ?? proposal.question).trim();
    const answer = (edits.answer ?? proposal.answer).trim();
    if (!question || !answer) return { ok: false, reason: 'empty' };
    const decided = await this.decide(id, reviewerId, 'accepted', { as: 'entry' });
    if (!decided.ok) return decided;
    const now = this.clock.now().toISOString();
    const entryId = await this.repository.addEntry({
      questions: [question],
      answer,
      metadata: { topic: edits.topic?.trim() || 'vorschlag', audience: 'all' },
      prompts: [],
      isContextOnly: false,
      source: 'faq-vorschlag',
      suggestedQuestions: '[]',
      language: proposal.language,
      createdAt: now,
      updatedAt: now,
    });
    const recorded = await updateDocument<FaqProposal>(
      this.store,
      FAQ_PROPOSALS_CONTAINER,
      id,
      (current) => ({
        ...current,
        decision: { ...(current.decision as NonNullable<FaqProposal['decision']>), entryId },
      }),
    );
    return { ok: true, proposal: recorded?.doc ?? decided.proposal, entryId };
  }

  /** Adds the proposed question as a further phrasing of an existing entry. */
  async acceptAsPhrasing(id: string, reviewerId: string, entryId: string): Promise<ReviewOutcome> {
    const proposal = await this.get(id);
    if (!proposal) return { ok: false, reason: 'unknown' };
    if (proposal.state !== 'pending') return { ok: false, reason: 'decided' };
    if (!(await this.repository.loadAll()).some((candidate) => candidate.id === entryId)) {
      return { ok: false, reason: 'unknown-entry' };
    }
    const decided = await this.decide(id, reviewerId, 'accepted', { entryId, as: 'phrasing' });
    if (!decided.ok) return decided;
    await this.repository.updateEntry(entryId, (entry) =>
      entry.questions.includes(proposal.question)
        ? entry
        : {
            ...entry,
            questions: [...entry.questions, proposal.question],
            updatedAt: this.clock.now().toISOString(),
          },
    );
    return { ...decided, entryId };
  }

  reject(id: string, reviewerId: string): Promise<ReviewOutcome> {
    return this.decide(id, reviewerId, 'rejected', {});
  }

  private async decide(
    id: string,
    reviewerId: string,
    state: 'accepted' | 'rejected',
    decision: { entryId?: string; as?: 'entry' | 'phrasing' },
  ): Promise<ReviewOutcome> {
    let wasPending = false;
    const updated = await updateDocument<FaqProposal>(
      this.store,
      FAQ_PROPOSALS_CONTAINER,
      id,
      (current) => {
        wasPending = current.state === 'pending';
        if (!wasPending) return undefined;
        return {
          ...current,
          state,
          decision: { by: reviewerId, at: this.clock.now().toISOString(), ...decision },
        };
      },
    );
    if (!updated) return { ok: false, reason: 'unknown' };
    if (!updated.changed) return { ok: false, reason: 'decided' };
    await this.audit.record(
      { id: reviewerId },
      state === 'rejected' ? 'faq.reject' : `faq.accept-${decision.as}`,
      id,
    );
    return { ok: true, proposal: updated.doc };
  }
}
