/**
 * Per-user sliding-window limit on messages. The state lives in memory, per instance: a
 * user spread over several instances gets the limit once per instance, which is fine for
 * its purpose (one person cannot keep the bot busy), and nothing is lost on a restart.
 */
import type { Clock } from '../services/clock';

export interface RateDecision {
  allowed: boolean;
  /** Refused, and the first refusal since the user was last told: tell them now. */
  notify: boolean;
}

export interface UserRateLimitOptions {
  /** Messages per user within `windowMs`. */
  limit: number;
  windowMs?: number;
  /** Users tracked at once; the least recently active are forgotten beyond this. */
  maxUsers?: number;
}

interface UserWindow {
  /** Times (ms) of the accepted messages still inside the window, oldest first. */
  accepted: number[];
  /** Until then, further refusals stay silent. */
  quietUntil: number;
}

export class UserRateLimit {
  private readonly users = new Map<string, UserWindow>();
  private readonly windowMs: number;
  private readonly maxUsers: number;

  constructor(
    private readonly options: UserRateLimitOptions,
    private readonly clock: Clock,
  ) {
    this.windowMs = options.windowMs ?? 60_000;
    this.maxUsers = options.maxUsers ?? 10_000;
  }

  /** Counts one message of the user, if the limit allows it. */
  take(userKey: string): RateDecision {
    const now = this.clock.now().getTime();
    const user = this.users.get(userKey) ?? { accepted: [], quietUntil: 0 };
    // Re-inserting keeps the map in order of last activity, so eviction takes the idlest.
    this.users.delete(userKey);
    this.users.set(userKey, user);
    if (this.users.size > this.maxUsers) {
      const idlest = this.users.keys().next().value;
      if (idlest !== undefined) this.users.delete(idlest);
    }

    const windowStart = now - this.windowMs;
    while (user.accepted.length > 0 && (user.accepted[0] ?? now) <= windowStart) {
      user.accepted.shift();
    }
    if (user.accepted.length < this.options.limit) {
      user.accepted.push(now);
      return { allowed: true, notify: false };
    }
    const notify = now >= user.quietUntil;
    if (notify) user.quietUntil = now + this.windowMs;
    return { allowed: false, notify };
  }

  /** Users currently tracked (for tests of the memory bound). */
  get trackedUsers(): number {
    return this.users.size;
  }
}
