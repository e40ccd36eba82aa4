import { RequestLog } from './request-log';

export interface GlobalLimiterOptions {
  /** Requests per second the app may make in the tenant (Teams: 50). */
  requestsPerSecond: number;
  /**
   * Added to the one-second window. Counting from the answer needs only a little for clock
   * readings (default 2); counting from sending needs enough to cover the delays on the way
   * (default 20).
   */
  marginMs?: number;
  /**
   * When a request takes its place in the window. `answered` (default): from the moment it
   * leaves until its answer is in, then for one window from the answer — the service
   * counted it somewhere in between, so whatever the network and the event loop delay,
   * the window is never exceeded there; it costs one round trip per window. `sent`: from
   * the moment it leaves; uses slightly more of the limit but relies on the margin to
   * absorb any delay.
   */
  countFrom?: 'answered' | 'sent';
  /** Factor applied to the rate on a 429, at most once per window (multiplicative decrease). */
  decrease?: number;
  /** Part of the full rate regained per window without a 429 (additive increase). */
  increase?: number;
  /** The rate never drops below this part of the full rate. */
  floor?: number;
  /** A 429 pauses every request for its Retry-After, but never longer than this. */
  maxPauseMs?: number;
  /** The pause after a 429 without Retry-After. */
  throttlePauseMs?: number;
  /**
   * Requests are spaced at least window / (capacity × burst) apart: at most `burst` times the
   * average rate for a moment, never a crowd at once.
   */
  burst?: number;
  /** A late timer may catch up on this much time at once (ms). */
  catchUpMs?: number;
}

const WINDOW_MS = 1000;

/**
 * The per-app-per-tenant limit, as a pure state machine over an injected time: a sliding
 * window of exactly the allowed number of requests (so it never exceeds the limit and
 * wastes little of it), paced so that requests do not go out in crowds, and slowed down
 * additive-increase/multiplicative-decrease style when Teams answers 429 anyway — other
 * instances, other traffic of the bot, a lower limit than configured.
 */
export class GlobalLimiter {
  readonly windowMs: number;
  readonly maxPauseMs: number;
  private readonly log: RequestLog;
  private readonly requestsPerSecond: number;
  private readonly countFrom: 'answered' | 'sent';
  private readonly decrease: number;
  private readonly increase: number;
  private readonly floor: number;
  private readonly throttlePauseMs: number;
  private readonly burst: number;
  private readonly catchUpMs: number;
  /** AIMD factor, 0 < factor ≤ 1. */
  private factor = 1;
  /** This instance's part of the rate when several instances send. */
  private share = 1;
  private pausedUntil = 0;
  private lastChange = -Infinity;
  /** Requests sent and not yet answered (with `countFrom: 'answered'`). */
  private unanswered = 0;
  /** Pacing by the generic cell rate algorithm: the theoretical time of the next request. */
  private nextAt = -Infinity;

  constructor(options: GlobalLimiterOptions) {
    if (!(options.requestsPerSecond > 0)) {
      throw new RangeError(`requestsPerSecond must be positive: ${options.requestsPerSecond}`);
    }
    this.requestsPerSecond = options.requestsPerSecond;
    this.countFrom = options.countFrom ?? 'answered';
    this.windowMs = WINDOW_MS + (options.marginMs ?? (this.countFrom === 'answered' ? 2 : 20));
    this.log = new RequestLog(this.windowMs);
    this.decrease = options.decrease ?? 0.8;
    this.increase = options.increase ?? 0.05;
    this.floor = options.floor ?? 0.1;
    this.maxPauseMs = options.maxPauseMs ?? 5000;
    this.throttlePauseMs = options.throttlePauseMs ?? WINDOW_MS;
    this.burst = options.burst ?? 2;
    this.catchUpMs = options.catchUpMs ?? 100;
  }

  /** Requests this instance may make per window now. */
  capacity(): number {
    return Math.max(1, Math.floor(this.requestsPerSecond * this.factor * this.share));
  }

  /**
   * Milliseconds until the next request may go out; 0 when it may go now; Infinity when it
   * has to wait for an answer first (then `answered()` is the moment to ask again).
   */
  delay(now: number): number {
    const paced = Math.ceil(this.nextAt - this.tolerance() - now);
    return Math.max(0, this.pausedUntil - now, paced, this.windowDelay(now));
  }

  /** A request goes out now. */
  sent(now: number): void {
    if (this.countFrom === 'answered') this.unanswered += 1;
    else this.log.record(now);
    // Advancing from the theoretical time (not from now) keeps whole-ms clocks from drifting.
    this.nextAt = Math.max(this.nextAt, now) + this.spacing();
    if (this.factor < 1 && now - this.lastChange >= this.windowMs) {
      this.factor = Math.min(1, this.factor + this.increase);
      this.lastChange = now;
    }
  }

  /** The answer to a request is in (or it failed without one): once per `sent`. */
  answered(now: number): void {
    if (this.countFrom !== 'answered') return;
    this.unanswered = Math.max(0, this.unanswered - 1);
    this.log.record(now);
  }

  /**
   * Teams answered 429: pause everything for Retry-After (or `throttlePauseMs`) and lower
   * the rate — once per window, since the requests in flight get their 429s together.
   */
  throttled(now: number, retryAfterMs?: number): void {
    const pause = Math.min(this.maxPauseMs, retryAfterMs ?? this.throttlePauseMs);
    this.pausedUntil = Math.max(this.pausedUntil, now + pause);
    if (now - this.lastChange >= this.windowMs) {
      this.factor = Math.max(this.floor, this.factor * this.decrease);
      this.lastChange = now;
    }
  }

  /** Holds every request back until `until` (epoch ms). */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  /** The part of the rate this instance may use (1 / number of instances sending). */
  setShare(share: number): void {
    this.share = Math.min(1, Math.max(Number.EPSILON, share));
  }

  /** Requests per second this instance aims at now (for reports and logs). */
  currentRate(): number {
    return (this.capacity() * WINDOW_MS) / this.windowMs;
  }

  /** Requests counted in the window now (unanswered ones included). */
  recent(now: number): number {
    return this.log.count(now) + this.unanswered;
  }

  private windowDelay(now: number): number {
    const logged = this.log.count(now);
    // How many of the counted requests must leave the window before one more fits.
    const excess = logged + this.unanswered - this.capacity() + 1;
    if (excess <= 0) return 0;
    if (excess > logged) return Infinity;
    return Math.max(1, (this.log.nthOldest(now, excess) as number) + this.windowMs - now);
  }

  private spacing(): number {
    return this.windowMs / (this.capacity() * this.burst);
  }

  /** Slack for late timers: that much lost time is made up by sending sooner. */
  private tolerance(): number {
    return Math.max(this.spacing(), this.catchUpMs);
  }
}
