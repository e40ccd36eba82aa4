/**
 * Times of the requests made within a horizon, oldest first. Teams (and teams-sim) count
 * limits over sliding windows: a request is allowed while fewer than `max` requests were
 * accepted in the preceding window — a limiter that mirrors exactly that rule (plus a
 * margin for timing jitter) uses the whole allowance without ever exceeding it.
 */
export class RequestLog {
  private times: number[] = [];
  private start = 0;

  /** `horizonMs`: the longest window asked about; older requests are forgotten. */
  constructor(readonly horizonMs: number) {
    if (!(horizonMs > 0)) throw new RangeError(`horizon must be positive: ${horizonMs}`);
  }

  /** Requests recorded within (now − windowMs, now]. */
  count(now: number, windowMs = this.horizonMs): number {
    this.prune(now);
    return this.times.length - this.firstAfter(now - windowMs);
  }

  /** Milliseconds until one more request fits `max` per `windowMs`; 0 when it fits now. */
  delay(now: number, max: number, windowMs = this.horizonMs): number {
    if (this.count(now, windowMs) < max) return 0;
    if (max <= 0) return windowMs;
    // The max-th most recent request has to leave the window first.
    const blocking = this.times[this.times.length - max] as number;
    return Math.max(1, blocking + windowMs - now);
  }

  record(now: number): void {
    // Kept ascending even if the wall clock steps back: the log then errs on the safe side.
    const last = this.times[this.times.length - 1];
    this.times.push(last !== undefined && last > now ? last : now);
    this.prune(now);
  }

  /** Time of the k-th oldest request (k ≥ 1) within (now − windowMs, now]. */
  nthOldest(now: number, k: number, windowMs = this.horizonMs): number | undefined {
    this.prune(now);
    return this.times[this.firstAfter(now - windowMs) + k - 1];
  }

  /** The most recent request still within the horizon. */
  latest(now: number): number | undefined {
    this.prune(now);
    return this.start < this.times.length ? this.times[this.times.length - 1] : undefined;
  }

  /** Index of the first request after `time` (binary search; times are ascending). */
  private firstAfter(time: number): number {
    let low = this.start;
    let high = this.times.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.times[middle] as number) <= time) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private prune(now: number): void {
    this.start = this.firstAfter(now - this.horizonMs);
    // Compact now and then instead of shifting on every request.
    if (this.start > 1024 && this.start * 2 > this.times.length) {
      this.times = this.times.slice(this.start);
      this.start = 0;
    }
  }
}
