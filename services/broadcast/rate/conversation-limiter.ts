import { RequestLog } from './request-log';

/** `[windowMs, max]`: at most `max` requests within any `windowMs`. */
export type RateWindow = readonly [windowMs: number, max: number];

/**
 * Per bot per conversation, for sends, updates and deletes alike (Microsoft Learn, "Rate
 * limiting for bots"): 7 per second, 8 per 2 s, 60 per 30 s, 1800 per hour.
 */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  [1_000, 7],
  [2_000, 8],
  [30_000, 60],
  [3_600_000, 1800],
];

/**
 * The per-conversation limits, pure over an injected time. A broadcast sends one message
 * per conversation, but retries, edits and recalls reach the same conversation again.
 */
export class ConversationLimiter {
  private readonly logs = new Map<string, RequestLog>();
  private readonly windows: readonly RateWindow[];
  private readonly horizonMs: number;

  constructor(windows: readonly RateWindow[] = TEAMS_CONVERSATION_WINDOWS, marginMs = 10) {
    this.windows = windows.map(([ms, max]) => [ms + marginMs, max] as const);
    this.horizonMs = Math.max(1, ...this.windows.map(([ms]) => ms));
  }

  /** Milliseconds until the conversation may get one more request; 0 when it may now. */
  delay(conversationId: string, now: number): number {
    const log = this.logs.get(conversationId);
    if (!log) return 0;
    return Math.max(0, ...this.windows.map(([ms, max]) => log.delay(now, max, ms)));
  }

  record(conversationId: string, now: number): void {
    let log = this.logs.get(conversationId);
    if (!log) this.logs.set(conversationId, (log = new RequestLog(this.horizonMs)));
    log.record(now);
  }

  /** Forgets conversations without a request within the longest window (bounds memory). */
  forgetIdle(now: number): void {
    for (const [id, log] of this.logs) {
      if (log.latest(now) === undefined) this.logs.delete(id);
    }
  }

  /** Conversations currently remembered. */
  get size(): number {
    return this.logs.size;
  }
}
