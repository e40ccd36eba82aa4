import {
  DEFAULT_RETRY_POLICY,
  backoffMs,
  decide,
  type RetryPolicy,
} from '../../../services/broadcast';
import type { SendResult } from '../../../services/messaging';

const policy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000, maxThrottles: 5 };
const half = () => 0.5;

describe('decide', () => {
  it.each<[string, SendResult, { failures: number; throttles: number }, unknown]>([
    [
      'delivered',
      { ok: true, activityId: 'a1' },
      { failures: 0, throttles: 0 },
      { kind: 'done', activityId: 'a1' },
    ],
    [
      'blocked by the user (403)',
      { ok: false, kind: 'blocked', status: 403 },
      { failures: 1, throttles: 0 },
      { kind: 'final', outcome: 'blocked', error: 'http-403' },
    ],
    [
      'app uninstalled (404)',
      { ok: false, kind: 'not-found', status: 404 },
      { failures: 1, throttles: 0 },
      { kind: 'final', outcome: 'not-found', error: 'http-404' },
    ],
    [
      'rejected (413)',
      { ok: false, kind: 'rejected', status: 413 },
      { failures: 1, throttles: 0 },
      { kind: 'final', outcome: 'failed', error: 'http-413' },
    ],
    [
      'a first 503',
      { ok: false, kind: 'transient', status: 503 },
      { failures: 1, throttles: 0 },
      { kind: 'retry', throttled: false, delayMs: 75, error: 'http-503' },
    ],
    [
      'a second 500',
      { ok: false, kind: 'transient', status: 500 },
      { failures: 2, throttles: 0 },
      { kind: 'retry', throttled: false, delayMs: 150, error: 'http-500' },
    ],
    [
      'a 503 with Retry-After',
      { ok: false, kind: 'transient', status: 503, retryAfterMs: 900 },
      { failures: 1, throttles: 0 },
      { kind: 'retry', throttled: false, delayMs: 900, error: 'http-503' },
    ],
    [
      'the last allowed 502',
      { ok: false, kind: 'transient', status: 502 },
      { failures: 3, throttles: 0 },
      { kind: 'final', outcome: 'failed', error: 'http-502' },
    ],
    [
      'a timeout',
      { ok: false, kind: 'transient' },
      { failures: 1, throttles: 0 },
      { kind: 'retry', throttled: false, delayMs: 75, error: 'no-answer' },
    ],
    [
      'a 429 with Retry-After',
      { ok: false, kind: 'throttled', status: 429, retryAfterMs: 1234 },
      { failures: 0, throttles: 1 },
      { kind: 'retry', throttled: true, delayMs: 1234, error: 'http-429' },
    ],
    [
      'a 429 without Retry-After',
      { ok: false, kind: 'throttled', status: 429 },
      { failures: 0, throttles: 3 },
      { kind: 'retry', throttled: true, delayMs: 300, error: 'http-429' },
    ],
    [
      '429s without end',
      { ok: false, kind: 'throttled', status: 429 },
      { failures: 0, throttles: 5 },
      { kind: 'final', outcome: 'failed', error: 'throttled-too-often' },
    ],
  ])('%s', (_name, result, attempts, expected) => {
    expect(decide(result, attempts, policy, half)).toEqual(expected);
  });

  it('does not count 429s against the attempts for errors', () => {
    const decision = decide(
      { ok: false, kind: 'throttled', status: 429 },
      { failures: 3, throttles: 1 },
      policy,
      half,
    );
    expect(decision.kind).toBe('retry');
  });
});

describe('backoffMs', () => {
  it.each([
    [1, 0, 50],
    [1, 1, 100],
    [2, 0, 100],
    [4, 1, 800],
    [10, 1, 1000],
    [10, 0, 500],
  ])('retry %i with random %f waits %i ms', (retry, random, expected) => {
    expect(backoffMs(retry, policy, () => random)).toBe(expected);
  });

  it('starts below a second by default, so that a rare 5xx costs little time', () => {
    expect(backoffMs(1, DEFAULT_RETRY_POLICY, () => 1)).toBeLessThan(1000);
  });
});
