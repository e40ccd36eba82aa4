import type { SendResult } from '../messaging';

export interface RetryPolicy {
  /** Requests of one step (send, update, delete) before a transient failure becomes final. */
  maxAttempts: number;
  /** First pause after a transient failure or a 429 without Retry-After; doubles each time. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** 429s one step tolerates before it gives up (Teams keeps refusing: something is wrong). */
  maxThrottles: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 100,
  maxDelayMs: 60_000,
  maxThrottles: 30,
};

/** How often a step has been refused so far (including the request just answered). */
export interface StepAttempts {
  failures: number;
  throttles: number;
}

/** What one answer of Teams means for the recipient. */
export type Decision =
  | { kind: 'done'; activityId: string }
  /** Final: recorded and never retried. */
  | { kind: 'final'; outcome: 'blocked' | 'not-found' | 'failed'; error: string }
  | { kind: 'retry'; delayMs: number; throttled: boolean; error: string };

/**
 * Exponential backoff with "equal jitter": half the doubled pause fixed, half random, so
 * retries spread out yet never come back almost at once.
 */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(30, retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The decision for one answer; `attempts` already counts it. Pure: random is injected. */
export function decide(
  result: SendResult,
  attempts: StepAttempts,
  policy: RetryPolicy,
  random: () => number,
): Decision {
  if (result.ok) return { kind: 'done', activityId: result.activityId };
  switch (result.kind) {
    case 'blocked':
      return { kind: 'final', outcome: 'blocked', error: `http-${result.status}` };
    case 'not-found':
      return { kind: 'final', outcome: 'not-found', error: `http-${result.status}` };
    case 'rejected':
      return { kind: 'final', outcome: 'failed', error: errorOf(result.status, 'rejected') };
    case 'throttled':
      if (attempts.throttles >= policy.maxThrottles) {
        return { kind: 'final', outcome: 'failed', error: 'throttled-too-often' };
      }
      return {
        kind: 'retry',
        throttled: true,
        delayMs: result.retryAfterMs ?? backoffMs(attempts.throttles, policy, random),
        error: 'http-429',
      };
    case 'transient': {
      const error = errorOf(result.status, 'no-answer');
      if (attempts.failures >= policy.maxAttempts)
        return { kind: 'final', outcome: 'failed', error };
      const backoff = backoffMs(attempts.failures, policy, random);
      return {
        kind: 'retry',
        throttled: false,
        delayMs: Math.max(backoff, result.retryAfterMs ?? 0),
        error,
      };
    }
  }
}

function errorOf(status: number | undefined, fallback: string): string {
  return status === undefined ? fallback : `http-${status}`;
}
