import type { Stored } from '../../storage';
import type { Broadcast, Delivery, DeliveryBatch } from '../model';
import type { Step } from './steps';
import type { Queued } from './work-queue';

/**
 * One batch while this worker holds its lease: the deliveries as last written, who is being
 * sent to, how many still wait for a final answer. Batch writes (marks, renewals, finish)
 * run one after the other so that they never race each other's etag.
 */
export class BatchRun {
  broadcast!: Stored<Broadcast>;
  /** The pass being worked on; a reopen during it means another round. */
  pass: number;
  readonly deliveries = new Map<string, Stored<Delivery>>();
  /** Recipients whose request may be under way (the batch's "sending" record). */
  readonly sending = new Set<string>();
  /** Work items not yet settled (final or nothing more to do). */
  outstanding = 0;
  lost = false;
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    public batch: Stored<DeliveryBatch>,
    public leaseUntil: number,
  ) {
    this.pass = batch.pass;
  }

  get id(): string {
    return this.batch.id;
  }

  /** Runs a batch write after the ones before it. */
  serial<T>(write: () => Promise<T>): Promise<T> {
    const next = this.writes.then(write, write);
    this.writes = next.catch(() => undefined);
    return next;
  }
}

/** One request (or cancellation) a recipient needs, queued for the dispatcher. */
export class WorkItem implements Queued {
  constructor(
    readonly run: BatchRun,
    readonly recipientId: string,
    readonly step: Step,
    public notBefore: number,
    /** Returns false once the lease is lost or about to run out. */
    private readonly usable: (run: BatchRun) => boolean,
  ) {}

  /** The recipient's 1:1 conversation: one per recipient, so the id serves as its key. */
  get conversationId(): string {
    return this.recipientId;
  }

  live(): boolean {
    return this.usable(this.run);
  }
}
