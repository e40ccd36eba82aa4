/**
 * The app's one rate budget in this process: a gate over the per-app-per-tenant limit and
 * the per-conversation limits. The broadcast worker and the proactive sender share it, and
 * the worker's rate sharing splits it among instances.
 */
import { performance } from 'node:perf_hooks';
import type { Clock } from '../../clock';
import { DEFAULT_RETRY_POLICY } from '../retry-policy';
import {
  ConversationLimiter,
  TEAMS_CONVERSATION_WINDOWS,
  type RateWindow,
} from './conversation-limiter';
import { RateGate } from './gate';
import { GlobalLimiter, type GlobalLimiterOptions } from './global-limiter';

export interface AppRateOptions {
  /** Requests per second the app may make in the tenant; Teams allows 50. */
  requestsPerSecond?: number;
  /** Fine-tuning of the global limiter (margin, pacing, AIMD, longest 429 pause). */
  limiter?: Omit<GlobalLimiterOptions, 'requestsPerSecond'>;
  conversationWindows?: readonly RateWindow[];
  /** Pause after a 429 without Retry-After; the retry policy's first backoff by default. */
  throttlePauseMs?: number;
  /** Tests: limits counted on this clock instead of the precise system time. */
  clock?: Clock;
}

export function createAppRateGate(options: AppRateOptions = {}): RateGate {
  const clock = options.clock;
  return new RateGate(
    new GlobalLimiter({
      throttlePauseMs: options.throttlePauseMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
      ...options.limiter,
      requestsPerSecond: options.requestsPerSecond ?? 50,
    }),
    new ConversationLimiter(options.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS),
    clock ? () => clock.now().getTime() : () => performance.timeOrigin + performance.now(),
  );
}
