import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../clock';
import { createIfMissing, queryAll, updateDocument, type Store, type Stored } from '../storage';
import type { AudienceCount, Audiences } from './audience';
import {
  BROADCASTS_CONTAINER,
  DELIVERIES_CONTAINER,
  READS_CONTAINER,
  deliveryIdOf,
  readIdOf,
  type Audience,
  type Broadcast,
  type BroadcastMessages,
  type BroadcastRead,
  type Delivery,
} from './model';

export interface BroadcastsOptions {
  store: Store;
  audiences: Audiences;
  clock?: Clock;
  /** Sends to more recipients than this need a second organiser's approval. */
  approvalThreshold?: number;
}

export const DEFAULT_APPROVAL_THRESHOLD = 500;

export type BroadcastErrorCode = 'not-found' | 'invalid-state' | 'same-approver' | 'invalid-input';

export class BroadcastError extends Error {
  constructor(
    readonly code: BroadcastErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BroadcastError';
  }
}

export interface NewBroadcast {
  /** Lets the caller render cards that carry the id (e.g. a "Gelesen" button); random if absent. */
  id?: string;
  title: string;
  createdBy: string;
  audience: Audience;
  messages: BroadcastMessages;
  /** What the author wrote, kept for a later edit; the engine never reads it. */
  content?: Record<string, unknown>;
}

export interface Submitted {
  broadcast: Stored<Broadcast>;
  count: AudienceCount;
  /** True when it now waits for a second organiser. */
  needsApproval: boolean;
}

type StoredBroadcast = Stored<Broadcast>;

/**
 * Announcements from draft to delivery: create, submit (with approval above a threshold),
 * edit and recall after sending. Sending itself is the workers' job (pipeline/worker.ts);
 * who may do what is checked by the caller (dialogs, API) against the directory.
 */
export class Broadcasts {
  private readonly store: Store;
  private readonly audiences: Audiences;
  private readonly clock: Clock;
  readonly approvalThreshold: number;

  constructor(options: BroadcastsOptions) {
    this.store = options.store;
    this.audiences = options.audiences;
    this.clock = options.clock ?? systemClock;
    this.approvalThreshold = options.approvalThreshold ?? DEFAULT_APPROVAL_THRESHOLD;
  }

  newId(): string {
    return randomUUID();
  }

  get(id: string): Promise<StoredBroadcast | undefined> {
    return this.store.get<Broadcast>(BROADCASTS_CONTAINER, id);
  }

  /** How many people an audience reaches, before anything is sent. */
  countAudience(audience: Audience): Promise<AudienceCount> {
    return this.audiences.count(audience);
  }

  async create(input: NewBroadcast): Promise<StoredBroadcast> {
    if (input.title.trim() === '') throw new BroadcastError('invalid-input', 'title is empty');
    const now = this.clock.now().toISOString();
    const { doc, created } = await createIfMissing<Broadcast>(this.store, BROADCASTS_CONTAINER, {
      id: input.id ?? this.newId(),
      title: input.title.trim(),
      createdBy: input.createdBy,
      createdAt: now,
      audience: input.audience,
      messages: input.messages,
      ...(input.content && { content: input.content }),
      revision: 1,
      generation: 0,
      status: 'draft',
      sendAt: 0,
      reopenPending: false,
      leaseOwner: null,
      leaseUntil: 0,
      updatedAt: now,
    });
    if (!created) throw new BroadcastError('invalid-state', `broadcast ${doc.id} exists`);
    return doc;
  }

  /**
   * Sends the draft (at `sendAt`, or now) — or, above the approval threshold, asks for a
   * second organiser's approval first.
   */
  async submit(id: string, options: { sendAt?: Date } = {}): Promise<Submitted> {
    const draft = await this.required(id);
    const count = await this.audiences.count(draft.audience);
    const needsApproval = count.recipients > this.approvalThreshold;
    const broadcast = await this.change(id, (current) => {
      if (current.status !== 'draft') throw stateError(current, 'submit');
      return needsApproval
        ? {
            ...current,
            status: 'awaiting-approval',
            sendAt: options.sendAt?.getTime() ?? 0,
            approval: { requiredFrom: this.approvalThreshold, recipients: count.recipients },
          }
        : { ...current, status: 'queued', sendAt: options.sendAt?.getTime() ?? 0 };
    });
    return { broadcast, count, needsApproval };
  }

  /** A second organiser releases a large send. */
  approve(id: string, approverId: string): Promise<StoredBroadcast> {
    const now = this.clock.now().toISOString();
    return this.change(id, (current) => {
      if (current.status !== 'awaiting-approval' || !current.approval) {
        throw stateError(current, 'approve');
      }
      if (sameUser(current.createdBy, approverId)) {
        throw new BroadcastError('same-approver', 'the author cannot approve their own broadcast');
      }
      return {
        ...current,
        status: 'queued',
        approval: { ...current.approval, approvedBy: approverId, approvedAt: now },
      };
    });
  }

  /** Broadcasts waiting for approval whose approvers have not been asked yet. */
  async unrequestedApprovals(): Promise<StoredBroadcast[]> {
    const found: StoredBroadcast[] = [];
    for await (const broadcast of queryAll<Broadcast>(this.store, BROADCASTS_CONTAINER, {
      where: [{ field: 'status', op: '=', value: 'awaiting-approval' }],
    })) {
      if (!broadcast.approval?.requestedAt) found.push(broadcast);
    }
    return found;
  }

  /**
   * Records that the approvers are being asked: the broadcast for the caller who may ask,
   * undefined when another turn or instance already does (or it no longer waits).
   */
  async claimApprovalRequest(id: string): Promise<StoredBroadcast | undefined> {
    const requestedAt = this.clock.now().toISOString();
    const updated = await updateDocument<Broadcast>(this.store, BROADCASTS_CONTAINER, id, (c) =>
      c.status === 'awaiting-approval' && c.approval && !c.approval.requestedAt
        ? { ...c, approval: { ...c.approval, requestedAt }, updatedAt: requestedAt }
        : undefined,
    );
    return updated?.changed ? updated.doc : undefined;
  }

  /** Sends an awaiting broadcast back to draft. */
  decline(id: string): Promise<StoredBroadcast> {
    return this.change(id, (current) => {
      if (current.status !== 'awaiting-approval') throw stateError(current, 'decline');
      const { approval: _approval, ...rest } = current;
      return { ...rest, status: 'draft' };
    });
  }

  /**
   * New content. Before preparing it simply replaces the old; afterwards every delivered
   * card is updated in place through the same pipeline.
   */
  edit(
    id: string,
    messages: BroadcastMessages,
    content?: Record<string, unknown>,
  ): Promise<StoredBroadcast> {
    return this.change(id, (current) => {
      if (current.recalledAt) throw stateError(current, 'edit');
      const edited = {
        ...current,
        messages,
        ...(content && { content }),
        revision: current.revision + 1,
      };
      return reachedRecipients(current) ? reopened(edited) : edited;
    });
  }

  /** Deletes every delivered card and cancels what is not delivered yet. */
  recall(id: string): Promise<StoredBroadcast> {
    const now = this.clock.now().toISOString();
    return this.change(id, (current) => {
      if (current.recalledAt) throw stateError(current, 'recall');
      const recalled = { ...current, recalledAt: now };
      return reachedRecipients(current)
        ? reopened(recalled)
        : { ...recalled, status: 'completed', completedAt: now };
    });
  }

  /** Remembers where the organiser's report card is, to update it in place. */
  setReportCard(id: string, reportCard: Broadcast['reportCard']): Promise<StoredBroadcast> {
    return this.change(id, (current) => ({ ...current, reportCard }));
  }

  /**
   * Records a recipient's "Gelesen" — only from someone the broadcast was delivered to (the
   * card's button carries nothing but the broadcast id).
   */
  async acknowledge(
    broadcastId: string,
    recipientId: string,
  ): Promise<'recorded' | 'again' | 'not-a-recipient'> {
    const delivery = await this.store.get<Delivery>(
      DELIVERIES_CONTAINER,
      deliveryIdOf(broadcastId, recipientId),
    );
    if (delivery?.status !== 'sent') return 'not-a-recipient';
    const { created } = await createIfMissing<BroadcastRead>(this.store, READS_CONTAINER, {
      id: readIdOf(broadcastId, recipientId),
      broadcastId,
      recipientId,
      readAt: this.clock.now().toISOString(),
    });
    return created ? 'recorded' : 'again';
  }

  /** Deletes a draft that was never submitted. */
  async discard(id: string): Promise<void> {
    const draft = await this.required(id);
    if (draft.status !== 'draft') throw stateError(draft, 'discard');
    await this.store.delete(BROADCASTS_CONTAINER, id, draft.etag);
  }

  /** Broadcasts on their way (prepared or sending), e.g. to refresh their report cards. */
  async inProgress(): Promise<StoredBroadcast[]> {
    const found: StoredBroadcast[] = [];
    for (const status of ['preparing', 'sending'] as const) {
      for await (const broadcast of queryAll<Broadcast>(this.store, BROADCASTS_CONTAINER, {
        where: [{ field: 'status', op: '=', value: status }],
      })) {
        found.push(broadcast);
      }
    }
    return found;
  }

  private async required(id: string): Promise<StoredBroadcast> {
    const broadcast = await this.get(id);
    if (!broadcast) throw new BroadcastError('not-found', `no broadcast ${id}`);
    return broadcast;
  }

  private async change(
    id: string,
    mutate: (current: Broadcast) => Broadcast,
  ): Promise<StoredBroadcast> {
    const updatedAt = this.clock.now().toISOString();
    const updated = await updateDocument<Broadcast>(this.store, BROADCASTS_CONTAINER, id, (c) => ({
      ...mutate(c),
      updatedAt,
    }));
    if (!updated) throw new BroadcastError('not-found', `no broadcast ${id}`);
    return updated.doc;
  }
}

/** Whether deliveries may exist already (prepare has begun). */
function reachedRecipients(broadcast: Broadcast): boolean {
  return ['preparing', 'sending', 'completed'].includes(broadcast.status);
}

/** Marks a change for the workers: they reopen the batches and bring each card up to date. */
function reopened(broadcast: Broadcast): Broadcast {
  const { completedAt: _completedAt, ...rest } = broadcast;
  return {
    ...rest,
    generation: broadcast.generation + 1,
    reopenPending: true,
    status: broadcast.status === 'completed' ? 'sending' : broadcast.status,
  };
}

function stateError(broadcast: Broadcast, action: string): BroadcastError {
  const state = broadcast.recalledAt ? 'recalled' : broadcast.status;
  return new BroadcastError('invalid-state', `cannot ${action} a broadcast that is ${state}`);
}

function sameUser(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
