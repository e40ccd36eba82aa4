/**
 * The send worker: prepares due broadcasts, claims batches of deliveries with leases and
 * hands them to the delivery flow, which sends under the rate gate and records every
 * outcome. Any number of workers (processes) may share a store: leases keep them apart,
 * heartbeats let them split the app's rate.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { systemClock, type Clock } from '../../clock';
import { silentLogger, type Logger } from '../../logging';
import type { MessageSender } from '../../messaging';
import type { Store, Stored } from '../../storage';
import type { AudienceResolver } from '../audience';
import { forEachConcurrently } from '../concurrency';
import {
  BROADCASTS_CONTAINER,
  DELIVERIES_CONTAINER,
  FINAL_STATUSES,
  deliveryIdOf,
  type Broadcast,
  type Delivery,
  type DeliveryBatch,
} from '../model';
import { createAppRateGate } from '../rate/app-rate';
import type { RateWindow } from '../rate/conversation-limiter';
import type { RateGate } from '../rate/gate';
import type { GlobalLimiterOptions } from '../rate/global-limiter';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry-policy';
import { BatchRun } from './batch-run';
import { claimBatch, claimableBatches, finishBatch, holdBatch, releaseBatch } from './batches';
import { DeliveryFlow } from './delivery-flow';
import {
  broadcastsToPrepare,
  claimForPrepare,
  completeFinishedBroadcasts,
  completeIfFinished,
  renewPrepareLease,
  reopenChangedBroadcasts,
  workLeft,
} from './lifecycle';
import { RateSharing } from './rate-sharing';
import { prepareBroadcast } from './prepare';
import { countDeliveries } from './steps';

export interface BroadcastWorkerOptions {
  store: Store;
  sender: MessageSender;
  /** Turns an audience into recipients when a broadcast is prepared. */
  resolveAudience: AudienceResolver;
  clock?: Clock;
  logger?: Logger;
  /** This instance's name in leases; random by default, so each process is its own owner. */
  workerId?: string;
  /** Requests per second the app may make in the tenant; Teams allows 50. */
  requestsPerSecond?: number;
  /**
   * The app's rate budget shared with the proactive sender (createAppRateGate); when given,
   * requestsPerSecond should match it, and limiter and conversationWindows are not used.
   */
  gate?: RateGate;
  /** Fine-tuning of the global limiter (margin, pacing, AIMD, longest 429 pause). */
  limiter?: Omit<GlobalLimiterOptions, 'requestsPerSecond'>;
  conversationWindows?: readonly RateWindow[];
  retry?: Partial<RetryPolicy>;
  /** Recipients per batch (the unit of a lease). */
  batchSize?: number;
  leaseMs?: number;
  /** Pause between two looks for work. */
  pollMs?: number;
  /** How often the worker tells the others it is alive (rate sharing). */
  heartbeatMs?: number;
  /** Requests under way at once. */
  maxInFlight?: number;
  random?: () => number;
}

/** Deliveries read at once when a batch is loaded (Cosmos DB round trips overlap). */
const READ_CONCURRENCY = 16;

export class BroadcastWorker {
  readonly workerId: string;
  private readonly store: Store;
  private readonly resolveAudience: AudienceResolver;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly heartbeatMs: number;
  /** Due work to keep in hand (about two seconds at full rate). */
  private readonly backlogTarget: number;
  private readonly maxRuns: number;
  private readonly gate: RateGate;
  private readonly ownsGate: boolean;
  private readonly flow: DeliveryFlow;
  private readonly sharing: RateSharing;
  private readonly runs = new Map<string, BatchRun>();
  private claiming = false;
  private nothingToClaimUntil = 0;
  private preparing?: Promise<void>;
  private ticking?: Promise<void>;
  private timers: NodeJS.Timeout[] = [];
  private stopping = false;
  private settled?: () => void;

  constructor(options: BroadcastWorkerOptions) {
    this.store = options.store;
    this.resolveAudience = options.resolveAudience;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.workerId = options.workerId ?? `worker-${randomUUID()}`;
    this.batchSize = options.batchSize ?? 100;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 1000;
    this.heartbeatMs = options.heartbeatMs ?? 2000;
    const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const rate = options.requestsPerSecond ?? 50;
    this.backlogTarget = Math.max(this.batchSize, Math.ceil(rate * 2));
    this.maxRuns = Math.max(4, Math.ceil((this.backlogTarget * 2) / this.batchSize));
    this.ownsGate = options.gate === undefined;
    this.gate =
      options.gate ??
      createAppRateGate({
        requestsPerSecond: rate,
        limiter: options.limiter,
        conversationWindows: options.conversationWindows,
        throttlePauseMs: retry.baseDelayMs,
        clock: options.clock,
      });
    this.sharing = new RateSharing(
      this.store,
      this.workerId,
      this.gate,
      this.heartbeatMs,
      () => this.now(),
      this.logger,
    );
    this.flow = new DeliveryFlow({
      store: this.store,
      sender: options.sender,
      gate: this.gate,
      clock: this.clock,
      logger: this.logger,
      retry,
      random: options.random ?? Math.random,
      maxInFlight: options.maxInFlight ?? Math.max(32, Math.ceil(rate / 2)),
      prefetch: Math.max(10, Math.ceil(rate / 10)),
      hold: (run) => this.hold(run),
      usable: (run) => this.usable(run),
      runSettled: (run) => void this.finish(run).catch((error) => this.report(error, run.id)),
      changed: () => this.changed(),
    });
  }

  /** Works in the background until `stop()`. */
  start(): void {
    const every = (ms: number, task: () => Promise<unknown>) => {
      const timer = setInterval(() => void task().catch((error) => this.report(error)), ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.pollMs, () => this.tick());
    every(Math.max(50, Math.min(2000, Math.floor(this.leaseMs / 3))), () => this.renewLeases());
    every(this.heartbeatMs, () => this.sharing.beat(this.runs.size > 0));
    every(60_000, async () => this.gate.conversations.forgetIdle(this.now()));
    void this.tick().catch((error) => this.report(error));
  }

  /**
   * Works until nothing is left that any worker could do now (every batch done, nothing due
   * to prepare), then stops: for the CLI, the benchmark and tests. Call without `start()`.
   */
  async runUntilIdle(): Promise<void> {
    this.start();
    try {
      for (;;) {
        await this.tick();
        if (this.busy()) {
          await new Promise<void>((resolve) => (this.settled = resolve));
          this.settled = undefined;
          continue;
        }
        if (!(await workLeft(this.store, this.now()))) return;
        await sleep(this.pollMs);
      }
    } finally {
      await this.stop();
    }
  }

  /**
   * Stops claiming, lets requests already sent finish and be recorded, and gives unfinished
   * batches back so that another instance continues at once.
   */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.flow.stop();
    if (this.ownsGate) this.gate.close();
    await this.preparing;
    const now = this.clock.now().toISOString();
    await Promise.all(
      [...this.runs.values()].map((run) =>
        run
          .serial(() =>
            releaseBatch(this.store, run.batch, this.workerId, {
              sending: [...run.sending],
              counts: countDeliveries(run.deliveries.values(), run.broadcast),
              countedAt: now,
            }),
          )
          .catch((error) => this.report(error, run.id)),
      ),
    );
    this.runs.clear();
    await this.sharing.leave().catch((error) => this.report(error));
  }

  /** Requests per second this instance aims at now. */
  currentRate(): number {
    return this.gate.global.currentRate();
  }

  // --- finding work -----------------------------------------------------------------------

  private tick(): Promise<void> {
    this.ticking ??= this.lookForWork().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private async lookForWork(): Promise<void> {
    if (this.stopping) return;
    const now = this.clock.now();
    if (!this.preparing) {
      const candidates = await broadcastsToPrepare(this.store, now.getTime());
      if (candidates.length > 0) {
        this.preparing = this.prepareOne(candidates)
          .catch((error) => this.report(error))
          .finally(() => {
            this.preparing = undefined;
            this.changed();
          });
      }
    }
    await reopenChangedBroadcasts(this.store);
    await completeFinishedBroadcasts(this.store, now);
    this.nothingToClaimUntil = 0;
    await this.claimMore();
  }

  private async prepareOne(candidates: Stored<Broadcast>[]): Promise<void> {
    for (const candidate of candidates) {
      const claimed = await claimForPrepare(
        this.store,
        candidate,
        this.workerId,
        this.clock.now(),
        this.leaseMs,
      );
      if (!claimed) continue;
      await prepareBroadcast(
        {
          store: this.store,
          clock: this.clock,
          resolve: this.resolveAudience,
          batchSize: this.batchSize,
          keepLease: () =>
            renewPrepareLease(this.store, claimed.id, this.workerId, this.now() + this.leaseMs),
        },
        claimed,
      );
      this.logger.info({ broadcastId: claimed.id }, 'broadcast prepared');
      this.nothingToClaimUntil = 0;
      void this.claimMore().catch((error) => this.report(error));
      return;
    }
  }

  private wantsMoreWork(): boolean {
    return (
      !this.stopping &&
      this.runs.size < this.maxRuns &&
      this.flow.backlog(this.now()) < this.backlogTarget
    );
  }

  private changed(): void {
    if (this.wantsMoreWork() && this.now() >= this.nothingToClaimUntil) {
      void this.claimMore().catch((error) => this.report(error));
    }
    if (this.settled && !this.busy()) this.settled();
  }

  private async claimMore(): Promise<void> {
    if (this.claiming || this.now() < this.nothingToClaimUntil) return;
    this.claiming = true;
    try {
      while (this.wantsMoreWork()) {
        const candidates = await claimableBatches(this.store, this.now(), 20);
        let claimedAny = false;
        for (const candidate of shuffled(candidates)) {
          if (!this.wantsMoreWork()) break;
          if (this.runs.has(candidate.id)) continue;
          const claimed = await claimBatch(
            this.store,
            candidate,
            this.workerId,
            this.now(),
            this.leaseMs,
          );
          if (!claimed) continue;
          claimedAny = true;
          await this.begin(claimed);
          // Let the first batch start sending while the next ones load (the embedded store
          // answers synchronously, so nothing else would run meanwhile).
          await new Promise((resolve) => setImmediate(resolve));
        }
        if (!claimedAny) {
          this.nothingToClaimUntil = this.now() + this.pollMs;
          break;
        }
      }
    } finally {
      this.claiming = false;
    }
  }

  private async begin(claimed: Stored<DeliveryBatch>): Promise<void> {
    if (this.runs.size === 0) await this.sharing.join();
    const run = new BatchRun(claimed, claimed.leaseUntil);
    this.runs.set(run.id, run);
    try {
      await this.loadPass(run);
    } catch (error) {
      // Not loaded: give it back so that this or another worker tries again.
      this.runs.delete(run.id);
      await run
        .serial(() =>
          releaseBatch(this.store, run.batch, this.workerId, {
            sending: run.batch.sending,
            counts: run.batch.counts,
            countedAt: this.clock.now().toISOString(),
          }),
        )
        .catch(() => undefined);
      throw error;
    }
    if (run.outstanding === 0) await this.finish(run);
  }

  /** Reads the broadcast and the batch's deliveries and queues what each still needs. */
  private async loadPass(run: BatchRun): Promise<void> {
    run.pass = run.batch.pass;
    const broadcast = await this.store.get<Broadcast>(BROADCASTS_CONTAINER, run.batch.broadcastId);
    if (!broadcast)
      throw new Error(`broadcast ${run.batch.broadcastId} of batch ${run.id} missing`);
    run.broadcast = broadcast;
    run.deliveries.clear();
    await forEachConcurrently(run.batch.recipientIds, READ_CONCURRENCY, async (recipientId) => {
      const id = deliveryIdOf(broadcast.id, recipientId);
      const delivery = await this.store.get<Delivery>(DELIVERIES_CONTAINER, id);
      if (delivery) run.deliveries.set(recipientId, delivery);
    });
    const suspects = (run.batch.sending ?? []).filter((id) => {
      const status = run.deliveries.get(id)?.status;
      return status !== undefined && status !== 'sent' && !FINAL_STATUSES.has(status);
    });
    if (suspects.length > 0) {
      // Their worker died with their requests under way: sent again, they may arrive twice.
      this.logger.warn({ batchId: run.id, count: suspects.length }, 'taking over unanswered sends');
    }
    this.flow.enqueue(run);
  }

  /** A run may start requests while its lease is safely valid. */
  private usable(run: BatchRun): boolean {
    return !run.lost && !this.stopping && this.now() < run.leaseUntil - this.leaseMs / 10;
  }

  // --- leases -----------------------------------------------------------------------------

  /** Extends the lease with the current "sending" record and counts; false when lost. */
  private async hold(run: BatchRun): Promise<boolean> {
    const leaseUntil = this.now() + this.leaseMs;
    const result = await run.serial(() =>
      holdBatch(this.store, run.batch, this.workerId, {
        leaseUntil,
        sending: [...run.sending],
        counts: countDeliveries(run.deliveries.values(), run.broadcast),
        countedAt: this.clock.now().toISOString(),
      }),
    );
    if (result.kind === 'held') {
      run.batch = result.batch;
      run.leaseUntil = leaseUntil;
      return true;
    }
    this.lose(run);
    return false;
  }

  private async renewLeases(): Promise<void> {
    await Promise.all([...this.runs.values()].map((run) => this.hold(run)));
  }

  private lose(run: BatchRun): void {
    if (run.lost) return;
    run.lost = true;
    this.runs.delete(run.id);
    this.logger.warn({ batchId: run.id }, 'batch lease lost');
    this.changed();
  }

  private async finish(run: BatchRun): Promise<void> {
    const result = await run.serial(() =>
      finishBatch(this.store, run.batch, this.workerId, run.pass, {
        counts: countDeliveries(run.deliveries.values(), run.broadcast),
        countedAt: this.clock.now().toISOString(),
      }),
    );
    if (result.kind === 'reopened') {
      run.batch = result.batch;
      await this.loadPass(run);
      if (run.outstanding === 0) await this.finish(run);
      return;
    }
    if (result.kind === 'lost') return this.lose(run);
    this.runs.delete(run.id);
    await completeIfFinished(this.store, run.broadcast, this.clock.now());
    if (this.runs.size === 0) void this.sharing.beat(false).catch((error) => this.report(error));
    this.changed();
  }

  // --- idle detection ---------------------------------------------------------------------

  private busy(): boolean {
    return this.runs.size > 0 || this.flow.inFlight > 0 || this.preparing !== undefined;
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  private report(error: unknown, batchId?: string): void {
    const err = error instanceof Error ? { name: error.name, message: error.message } : { error };
    this.logger.error({ batchId, err, workerId: this.workerId }, 'broadcast worker error');
  }
}

function shuffled<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
