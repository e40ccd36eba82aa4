/**
 * The per-recipient part of the send worker: take due work, record it as "sending" on its
 * batch (one write for many recipients, carrying the lease forward), pass the rate gate,
 * make the request, record the answer on the delivery. Store work is batched so that the
 * overhead per message stays small next to the request itself.
 */
import type { Clock } from '../../clock';
import type { Logger } from '../../logging';
import type { MessageSender, SendResult } from '../../messaging';
import { StoreConflictError, StoreUnavailableError, type Store, type Stored } from '../../storage';
import { DELIVERIES_CONTAINER, deliveryIdOf, type Broadcast, type Delivery } from '../model';
import { GateClosedError, type RateGate } from '../rate/gate';
import type { RetryPolicy } from '../retry-policy';
import { BatchRun, WorkItem } from './batch-run';
import { applyAnswer, cancelled, nextStep, notBeforeOf, type Step } from './steps';
import { WorkQueue } from './work-queue';

export interface DeliveryFlowOptions {
  store: Store;
  sender: MessageSender;
  gate: RateGate;
  clock: Clock;
  logger: Logger;
  retry: RetryPolicy;
  random: () => number;
  /** Requests under way at once (being marked, at the gate or awaiting an answer). */
  maxInFlight: number;
  /** Marked requests kept waiting at the gate, so a free slot never waits for a store write. */
  prefetch: number;
  /** Writes the batch (lease, "sending" record, counts); false when the lease is lost. */
  hold: (run: BatchRun) => Promise<boolean>;
  /** Whether requests of the run may still start (lease held and not about to run out). */
  usable: (run: BatchRun) => boolean;
  /** Every item of the run has settled. */
  runSettled: (run: BatchRun) => void;
  /** Something finished: the worker may want more work or notice it is idle. */
  changed: () => void;
}

type Operation = Exclude<Step, { op: 'cancel' }>;

const STORE_RETRY_MS = 1000;

export class DeliveryFlow {
  private readonly queue = new WorkQueue<WorkItem>();
  private inFlightCount = 0;
  private marking = 0;
  private stopping = false;
  private dispatchScheduled = false;
  private wakeTimer?: NodeJS.Timeout;
  private wakeAt = Infinity;

  constructor(private readonly options: DeliveryFlowOptions) {}

  get inFlight(): number {
    return this.inFlightCount;
  }

  /** Due work plus requests waiting at the gate: how much this worker has in hand. */
  backlog(now: number): number {
    return this.queue.readyCount(now) + this.marking + this.options.gate.waitingOf(this);
  }

  /** Queues what each delivery of the run still needs; returns how many items. */
  enqueue(run: BatchRun): number {
    const now = this.now();
    let queued = 0;
    for (const [recipientId, delivery] of run.deliveries) {
      const step = nextStep(delivery, run.broadcast);
      if (!step) continue;
      queued += 1;
      this.queue.push(this.itemFor(run, recipientId, step, notBeforeOf(delivery, step)), now);
    }
    run.outstanding += queued;
    this.dispatchSoon();
    return queued;
  }

  /** No new requests; waits until those already sent are answered and recorded. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.options.gate.abandon(this);
    while (this.inFlightCount > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  dispatchSoon(): void {
    if (this.dispatchScheduled || this.stopping) return;
    this.dispatchScheduled = true;
    setImmediate(() => {
      this.dispatchScheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    if (this.stopping) return;
    const { gate, maxInFlight, prefetch } = this.options;
    const now = this.now();
    const toMark: WorkItem[] = [];
    // Refill only when half empty, then to the full prefetch: one "sending" write then
    // covers many requests even at low rates.
    const ahead = () => this.marking + gate.waitingOf(this);
    const refill = ahead() <= prefetch / 2;
    while (refill && this.inFlightCount < maxInFlight && ahead() < prefetch) {
      const item = this.queue.take(now, (conversation) => gate.conversationDelay(conversation));
      if (!item) break;
      this.inFlightCount += 1;
      if (item.step.op === 'cancel') {
        void this.cancel(item).finally(() => this.done());
      } else {
        this.marking += 1;
        toMark.push(item);
      }
    }
    if (toMark.length > 0) void this.markAndSend(toMark);
    this.wakeForDelayed(now);
    this.options.changed();
  }

  private done(): void {
    this.inFlightCount -= 1;
    this.dispatchSoon();
    this.options.changed();
  }

  private wakeForDelayed(now: number): void {
    const due = this.queue.nextDue();
    if (due === undefined || due >= this.wakeAt) return;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeAt = due;
    this.wakeTimer = setTimeout(
      () => {
        this.wakeAt = Infinity;
        this.wakeTimer = undefined;
        this.dispatch();
      },
      Math.max(0, due - now),
    );
  }

  /** Records the items as "sending" on their batches (one write per batch), then sends each. */
  private async markAndSend(items: WorkItem[]): Promise<void> {
    const byRun = new Map<BatchRun, WorkItem[]>();
    for (const item of items) {
      const group = byRun.get(item.run);
      if (group) group.push(item);
      else byRun.set(item.run, [item]);
    }
    await Promise.all(
      [...byRun].map(async ([run, group]) => {
        for (const item of group) run.sending.add(item.recipientId);
        let held = false;
        try {
          held = !run.lost && (await this.options.hold(run));
        } catch (error) {
          this.report(error, run);
          for (const item of group) this.retryLater(item, STORE_RETRY_MS);
        }
        this.marking -= group.length;
        for (const item of group) {
          if (held) void this.perform(item).finally(() => this.done());
          else {
            run.sending.delete(item.recipientId);
            this.done();
          }
        }
      }),
    );
  }

  /** One request of one recipient, already recorded as sending. Never throws. */
  private async perform(item: WorkItem): Promise<void> {
    const { run, recipientId } = item;
    const step = item.step as Operation;
    try {
      const current = run.deliveries.get(recipientId);
      if (!current) return this.settle(run);
      let release: () => void;
      try {
        release = await this.options.gate.acquire(item.conversationId, this);
      } catch (error) {
        if (error instanceof GateClosedError) return;
        throw error;
      }
      this.dispatchSoon();
      const result = await this.request(run.broadcast, current, step).finally(release);
      if (!result.ok && result.kind === 'throttled') {
        const { gate } = this.options;
        gate.throttled(result.retryAfterMs, gate.global.maxPauseMs);
      }
      const { retry, random, clock } = this.options;
      const answered = applyAnswer(current, step, result, retry, random, clock.now());
      const recorded = await this.record(run, current, answered.delivery);
      if (!recorded) return await this.reconsider(item);
      if (answered.decision.kind === 'retry') this.retryLater(item, answered.decision.delayMs);
      else this.settle(run);
    } catch (error) {
      this.report(error, run);
      this.retryLater(item, STORE_RETRY_MS);
    } finally {
      // Answered and recorded (or never sent): no longer a possible duplicate.
      run.sending.delete(recipientId);
    }
  }

  private async cancel(item: WorkItem): Promise<void> {
    const { run, recipientId } = item;
    try {
      const current = run.deliveries.get(recipientId);
      if (!current) return this.settle(run);
      const written = await this.write(run, current, cancelled(current, this.options.clock.now()));
      if (written) this.settle(run);
      else await this.reconsider(item);
    } catch (error) {
      this.report(error, run);
      this.retryLater(item, STORE_RETRY_MS);
    }
  }

  private request(
    broadcast: Broadcast,
    delivery: Stored<Delivery>,
    step: Operation,
  ): Promise<SendResult> {
    const { sender } = this.options;
    const to = delivery.conversation;
    if (!to) return Promise.resolve({ ok: false, kind: 'not-found', status: 404 });
    const message = broadcast.messages[delivery.language] ?? broadcast.messages.de;
    switch (step.op) {
      case 'send':
        return sender.send(to, message);
      case 'update':
        return sender.update(to, delivery.activityId ?? '', message);
      case 'delete':
        return sender.delete(to, delivery.activityId ?? '');
    }
  }

  /**
   * Conditional write of a delivery the run holds; undefined when someone else wrote it
   * meanwhile (a worker that took the batch over while this one's lease looked lost).
   */
  private async write(
    run: BatchRun,
    current: Stored<Delivery>,
    next: Delivery,
  ): Promise<Stored<Delivery> | undefined> {
    try {
      const written = await this.options.store.replace(DELIVERIES_CONTAINER, next, current.etag);
      run.deliveries.set(current.recipientId, written);
      return written;
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error;
      this.options.logger.warn({ batchId: run.id }, 'delivery changed by another worker');
      return undefined;
    }
  }

  /**
   * Records an answer. Teams has acted on the request, so the record must not get lost to a
   * passing store outage: it is retried until it lands or the lease is gone.
   */
  private async record(
    run: BatchRun,
    current: Stored<Delivery>,
    answered: Delivery,
  ): Promise<Stored<Delivery> | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.write(run, current, answered);
      } catch (error) {
        if (!(error instanceof StoreUnavailableError) || run.lost) throw error;
        this.report(error, run);
        await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 100 * 2 ** attempt)));
      }
    }
  }

  /** Reads a delivery someone else wrote and does what it needs now, if the run is still ours. */
  private async reconsider(item: WorkItem): Promise<void> {
    const { run, recipientId } = item;
    if (run.lost || this.stopping) return;
    const fresh = await this.options.store.get<Delivery>(
      DELIVERIES_CONTAINER,
      deliveryIdOf(run.broadcast.id, recipientId),
    );
    if (fresh) run.deliveries.set(recipientId, fresh);
    const step = fresh && nextStep(fresh, run.broadcast);
    if (!fresh || !step) return this.settle(run);
    this.queue.push(this.itemFor(run, recipientId, step, notBeforeOf(fresh, step)), this.now());
  }

  private retryLater(item: WorkItem, delayMs: number): void {
    if (item.run.lost || this.stopping) return;
    const now = this.now();
    item.notBefore = now + delayMs;
    this.queue.push(item, now);
    this.wakeForDelayed(now);
  }

  private settle(run: BatchRun): void {
    run.outstanding -= 1;
    if (run.outstanding === 0 && !run.lost) this.options.runSettled(run);
  }

  private itemFor(run: BatchRun, recipientId: string, step: Step, notBefore: number): WorkItem {
    return new WorkItem(run, recipientId, step, notBefore, this.options.usable);
  }

  private now(): number {
    return this.options.clock.now().getTime();
  }

  private report(error: unknown, run: BatchRun): void {
    const err = error instanceof Error ? { name: error.name, message: error.message } : { error };
    this.options.logger.error({ batchId: run.id, err }, 'delivery step failed; will retry');
  }
}
