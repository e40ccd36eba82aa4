import type { ConversationLimiter } from './conversation-limiter';
import type { GlobalLimiter } from './global-limiter';

interface Waiter {
  conversationId: string;
  /** Who waits (the delivery flow, the proactive sender), to count or turn away its own. */
  owner?: object;
  resolve: (answered: () => void) => void;
  reject: (error: Error) => void;
}

/** Re-check after this long even when waiting for an answer, in case one never comes. */
const ANSWER_WAIT_MS = 1000;

/** The gate was closed (the worker stops) while a request waited at it. */
export class GateClosedError extends Error {
  constructor() {
    super('rate gate closed');
    this.name = 'GateClosedError';
  }
}

/**
 * The one door every request of this instance passes: it opens when the global limit and
 * the conversation's limits allow, in arrival order (a waiter whose conversation is busy
 * lets the ones behind it pass). The limiters decide; this class only keeps the timer.
 */
export class RateGate {
  private waiters: Waiter[] = [];
  private readonly waitingByOwner = new Map<object, number>();
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    readonly global: GlobalLimiter,
    readonly conversations: ConversationLimiter,
    /** Epoch ms, as precise as available (the limits are counted to the millisecond). */
    readonly now: () => number,
  ) {}

  /**
   * Resolves when one request into the conversation may go out, and counts it. Call the
   * function it resolves to once the request is answered (or failed).
   */
  acquire(conversationId: string, owner?: object): Promise<() => void> {
    if (this.closed) return Promise.reject(new GateClosedError());
    return new Promise((resolve, reject) => {
      this.waiters.push({ conversationId, owner, resolve, reject });
      if (owner) this.waitingByOwner.set(owner, this.waitingOf(owner) + 1);
      if (this.waiters.length === 1) this.pump();
    });
  }

  /** Milliseconds until the conversation may get a request (0: now), for scheduling ahead. */
  conversationDelay(conversationId: string): number {
    return this.conversations.delay(conversationId, this.now());
  }

  /**
   * Teams answered 429. A short Retry-After is the global window: everyone pauses and the
   * rate goes down. A long one can only be a conversation's 30-s or hourly window: only
   * that request waits (the caller schedules it).
   */
  throttled(retryAfterMs: number | undefined, maxGlobalPauseMs: number): void {
    if (retryAfterMs === undefined || retryAfterMs <= maxGlobalPauseMs) {
      this.global.throttled(this.now(), retryAfterMs);
      this.schedule(this.global.delay(this.now()));
    }
  }

  /** Holds every request back until `until` (epoch ms), e.g. while instances rebalance. */
  holdUntil(until: number): void {
    this.global.pauseUntil(until);
    this.schedule(this.global.delay(this.now()));
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Requests of one owner waiting at the gate. */
  waitingOf(owner: object): number {
    return this.waitingByOwner.get(owner) ?? 0;
  }

  /** Turns away one owner's waiters (it stops); the others keep their places. */
  abandon(owner: object): void {
    const leaving = this.waiters.filter((waiter) => waiter.owner === owner);
    this.waiters = this.waiters.filter((waiter) => waiter.owner !== owner);
    this.waitingByOwner.delete(owner);
    for (const waiter of leaving) waiter.reject(new GateClosedError());
  }

  /** Rejects every waiter; further acquires fail at once. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const waiters = this.waiters;
    this.waiters = [];
    this.waitingByOwner.clear();
    for (const waiter of waiters) waiter.reject(new GateClosedError());
  }

  private pump(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.waiters.length > 0) {
      const now = this.now();
      const globalDelay = this.global.delay(now);
      if (globalDelay > 0) return this.schedule(globalDelay);
      let soonest = Infinity;
      const index = this.waiters.findIndex((waiter) => {
        const delay = this.conversations.delay(waiter.conversationId, now);
        soonest = Math.min(soonest, delay);
        return delay === 0;
      });
      if (index < 0) return this.schedule(soonest);
      const [waiter] = this.waiters.splice(index, 1) as [Waiter];
      if (waiter.owner) this.waitingByOwner.set(waiter.owner, this.waitingOf(waiter.owner) - 1);
      this.global.sent(now);
      this.conversations.record(waiter.conversationId, now);
      let answered = false;
      waiter.resolve(() => {
        if (answered) return;
        answered = true;
        this.global.answered(this.now());
        if (this.waiters.length > 0) this.pump();
      });
    }
  }

  private schedule(delayMs: number): void {
    if (this.closed || this.waiters.length === 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.pump();
      },
      Number.isFinite(delayMs) ? delayMs : ANSWER_WAIT_MS,
    );
  }
}
