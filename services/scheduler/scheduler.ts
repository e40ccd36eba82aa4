import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { silentLogger, type Logger } from '../logging';
import {
  StoreConflictError,
  createIfMissing,
  queryAll,
  updateDocument,
  type Condition,
  type Store,
  type Stored,
} from '../storage';
import { retryDelayMs, type Backoff } from './backoff';
import { JOBS_CONTAINER, type Job, type JobHandler, type JobPayload, type JobRequest } from './job';

export interface SchedulerOptions {
  store: Store;
  clock: Clock;
  logger?: Logger;
  /** This instance's name in leases; random by default, so each process is its own owner. */
  owner?: string;
  /** How long a claimed job is this instance's; a job must finish well within it. */
  leaseMs?: number;
  /** Pause between two polls after `start()`. */
  intervalMs?: number;
  /** Runs before a job is given up as `failed`. */
  maxAttempts?: number;
  backoff?: Backoff;
  /** Query page size. */
  pageSize?: number;
  /** Upper bound of jobs one `runDue()` takes, so a poll ends even with a long queue. */
  maxJobsPerRun?: number;
  /** How long `stop()` waits for a running job before it releases the lease. */
  stopGraceMs?: number;
}

export interface RunSummary {
  /** Jobs this instance claimed and ran. */
  ran: number;
  done: number;
  /** Failed runs that will be retried. */
  retried: number;
  /** Failed runs that were the last attempt. */
  failed: number;
  /** Due jobs another instance claimed first. */
  lost: number;
}

export interface Scheduled<P extends JobPayload> {
  job: Stored<Job<P>>;
  /** False when a job with this id already existed (it is left as it was). */
  created: boolean;
}

/**
 * Durable jobs on the Store. Every change of a job is a conditional write, so several
 * instances may poll the same store: each due job is claimed by exactly one of them (the
 * others lose the etag race), and a job whose lease ran out is taken over.
 */
export class Scheduler {
  readonly owner: string;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly held = new Set<string>();
  private readonly logger: Logger;
  private readonly leaseMs: number;
  private readonly intervalMs: number;
  private readonly maxAttempts: number;
  private readonly pageSize: number;
  private readonly maxJobsPerRun: number;
  private readonly stopGraceMs: number;
  private timer?: NodeJS.Timeout;
  private running?: Promise<RunSummary>;
  private stopping = false;

  constructor(private readonly options: SchedulerOptions) {
    this.owner = options.owner ?? `scheduler-${randomUUID()}`;
    this.logger = options.logger ?? silentLogger;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.intervalMs = options.intervalMs ?? 5_000;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.pageSize = options.pageSize ?? 50;
    this.maxJobsPerRun = options.maxJobsPerRun ?? 200;
    this.stopGraceMs = options.stopGraceMs ?? 10_000;
  }

  /** The handler for one kind of job; a kind without a handler is left for another instance. */
  register<P extends JobPayload>(kind: string, handler: JobHandler<P>): this {
    this.handlers.set(kind, handler as JobHandler);
    return this;
  }

  /** Stores the job unless one with its id exists: repeating a step never doubles a job. */
  async schedule<P extends JobPayload>(request: JobRequest<P>): Promise<Scheduled<P>> {
    const now = this.options.clock.now().toISOString();
    const { doc, created } = await createIfMissing<Job<P>>(this.options.store, JOBS_CONTAINER, {
      id: request.id,
      kind: request.kind,
      dueAt: new Date(request.dueAt).toISOString(),
      payload: request.payload,
      state: 'pending',
      leaseOwner: null,
      leaseExpiresAt: null,
      attempts: 0,
      createdAt: now,
      updatedAt: now,
    });
    return { job: doc, created };
  }

  get<P extends JobPayload>(id: string): Promise<Stored<Job<P>> | undefined> {
    return this.options.store.get<Job<P>>(JOBS_CONTAINER, id);
  }

  /** Cancels a job that has not started; false when it is running, finished or unknown. */
  async cancel(id: string): Promise<boolean> {
    const now = this.options.clock.now().toISOString();
    const updated = await updateDocument<Job>(this.options.store, JOBS_CONTAINER, id, (job) =>
      job.state === 'pending' ? { ...job, state: 'cancelled', updatedAt: now } : undefined,
    );
    return updated?.changed ?? false;
  }

  /**
   * Runs the jobs due now, earliest first, one after the other: first pending ones, then
   * running ones whose lease expired. Tests call this directly; `start()` calls it on a timer.
   */
  async runDue(): Promise<RunSummary> {
    const summary: RunSummary = { ran: 0, done: 0, retried: 0, failed: 0, lost: 0 };
    const now = this.options.clock.now();
    const nowIso = now.toISOString();
    const sources: Array<{ where: Condition[]; field: string }> = [
      {
        where: [
          { field: 'state', op: '=', value: 'pending' },
          { field: 'dueAt', op: '<=', value: nowIso },
        ],
        field: 'dueAt',
      },
      {
        where: [
          { field: 'state', op: '=', value: 'running' },
          { field: 'leaseExpiresAt', op: '<=', value: nowIso },
        ],
        field: 'leaseExpiresAt',
      },
    ];
    for (const source of sources) {
      const due = queryAll<Job>(this.options.store, JOBS_CONTAINER, {
        where: source.where,
        orderBy: { field: source.field },
        limit: this.pageSize,
      });
      for await (const job of due) {
        if (this.stopping || summary.ran >= this.maxJobsPerRun) return summary;
        const handler = this.handlers.get(job.kind);
        if (!handler) continue;
        const claimed = await this.claim(job, now);
        if (!claimed) {
          summary.lost += 1;
          continue;
        }
        summary.ran += 1;
        summary[await this.execute(claimed, handler, now)] += 1;
      }
    }
    return summary;
  }

  /** Polls every `intervalMs` until `stop()`; a poll never overlaps the previous one. */
  start(): void {
    if (this.timer || this.stopping) return;
    const tick = async (): Promise<void> => {
      this.running = this.runDue();
      try {
        const summary = await this.running;
        if (summary.ran > 0) this.logger.debug({ owner: this.owner, ...summary }, 'jobs run');
      } catch (error) {
        this.logger.warn({ owner: this.owner, err: errorText(error) }, 'polling jobs failed');
      } finally {
        this.running = undefined;
      }
      if (!this.stopping) this.timer = setTimeout(() => void tick(), this.intervalMs).unref();
    };
    this.timer = setTimeout(() => void tick(), 0).unref();
  }

  /**
   * Graceful shutdown: no further claims, the running job may finish within the grace
   * period, and whatever this instance still holds is released for another instance.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) {
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([
        this.running.catch(() => undefined),
        new Promise((resolve) => (grace = setTimeout(resolve, this.stopGraceMs))),
      ]);
      clearTimeout(grace);
    }
    await Promise.all([...this.held].map((id) => this.release(id)));
  }

  private async claim(job: Stored<Job>, now: Date): Promise<Stored<Job> | undefined> {
    const claimed: Job = {
      ...job,
      state: 'running',
      leaseOwner: this.owner,
      leaseExpiresAt: new Date(now.getTime() + this.leaseMs).toISOString(),
      attempts: job.attempts + 1,
      updatedAt: now.toISOString(),
    };
    try {
      const stored = await this.options.store.replace(JOBS_CONTAINER, claimed, job.etag);
      this.held.add(job.id);
      return stored;
    } catch (error) {
      if (error instanceof StoreConflictError) return undefined;
      throw error;
    }
  }

  private async execute(
    job: Stored<Job>,
    handler: JobHandler,
    now: Date,
  ): Promise<'done' | 'retried' | 'failed'> {
    let outcome: 'done' | 'retried' | 'failed' = 'done';
    let lastError: string | undefined;
    try {
      await handler(job, { now, owner: this.owner });
    } catch (error) {
      lastError = errorText(error);
      outcome = job.attempts >= this.maxAttempts ? 'failed' : 'retried';
      this.logger.warn(
        { jobId: job.id, kind: job.kind, attempts: job.attempts, err: lastError },
        outcome === 'failed' ? 'job failed for good' : 'job failed, will retry',
      );
    }
    const finished = this.options.clock.now();
    await updateDocument<Job>(this.options.store, JOBS_CONTAINER, job.id, (current) => {
      // The lease ran out and another instance took over: its outcome counts, not ours.
      if (!this.holds(current, job)) return undefined;
      const base = { ...current, leaseOwner: null, leaseExpiresAt: null };
      const updatedAt = finished.toISOString();
      if (outcome === 'done') {
        return { ...base, state: 'done', updatedAt, finishedAt: updatedAt };
      }
      if (outcome === 'failed') {
        return { ...base, state: 'failed', lastError, updatedAt, finishedAt: updatedAt };
      }
      const retryAt = finished.getTime() + retryDelayMs(current.attempts, this.options.backoff);
      return {
        ...base,
        state: 'pending',
        dueAt: new Date(retryAt).toISOString(),
        lastError,
        updatedAt,
      };
    });
    this.held.delete(job.id);
    return outcome;
  }

  private async release(id: string): Promise<void> {
    const now = this.options.clock.now().toISOString();
    try {
      await updateDocument<Job>(this.options.store, JOBS_CONTAINER, id, (current) =>
        current.state === 'running' && current.leaseOwner === this.owner
          ? { ...current, state: 'pending', leaseOwner: null, leaseExpiresAt: null, updatedAt: now }
          : undefined,
      );
      this.held.delete(id);
    } catch (error) {
      // The lease expires on its own; another instance takes the job then.
      this.logger.warn({ jobId: id, err: errorText(error) }, 'lease could not be released');
    }
  }

  private holds(current: Job, claimed: Job): boolean {
    return (
      current.state === 'running' &&
      current.leaseOwner === this.owner &&
      current.attempts === claimed.attempts
    );
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
