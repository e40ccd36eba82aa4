import type { Doc } from '../storage';

/**
 * A durable job: a document in the `jobs` container, so that a restart or a second
 * instance changes nothing. While an instance runs it, the job is `running` with a lease;
 * a lease that expires (the instance died) makes the job due again.
 */
export type JobState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

export type JobPayload = Record<string, unknown>;

export interface Job<P extends JobPayload = JobPayload> extends Doc {
  kind: string;
  /** ISO instant (always `toISOString()`, so that string order is time order). */
  dueAt: string;
  payload: P;
  state: JobState;
  /** Instance that holds the lease while running; null otherwise. */
  leaseOwner: string | null;
  /** ISO instant the lease ends; null when not leased. */
  leaseExpiresAt: string | null;
  /** Runs started so far (the current one included). */
  attempts: number;
  /** Error name and message of the last failed run; never user text. */
  lastError?: string;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}

/** What a caller gives to schedule a job; the id makes scheduling idempotent. */
export interface JobRequest<P extends JobPayload = JobPayload> {
  id: string;
  kind: string;
  dueAt: Date;
  payload: P;
}

export interface JobContext {
  /** The instant the runner took the job (from the injected clock). */
  now: Date;
  /** Instance id of the runner, for logs. */
  owner: string;
}

/**
 * Does the work of one job. Jobs run at least once: a handler must be idempotent, which in
 * this project means it re-reads the state it acts on and does nothing when that state has
 * moved on. Throwing makes the runner retry later with backoff.
 */
export type JobHandler<P extends JobPayload = JobPayload> = (
  job: Job<P>,
  context: JobContext,
) => Promise<void>;

export const JOBS_CONTAINER = 'jobs';
