import fc from 'fast-check';
import {
  ConversationLimiter,
  GlobalLimiter,
  RequestLog,
  TEAMS_CONVERSATION_WINDOWS,
} from '../../../services/broadcast';

describe('RequestLog', () => {
  it.each([
    // [times recorded, now, window, max, expected delay]
    [[], 0, 1000, 3, 0],
    [[0, 10, 20], 20, 1000, 3, 980],
    [[0, 10, 20], 1000, 1000, 3, 0],
    [[0, 10, 20], 999, 1000, 3, 1],
    [[0, 10, 20], 1010, 1000, 3, 0],
    [[0, 10, 20], 500, 1000, 4, 0],
    [[0, 10, 20, 30], 30, 1000, 2, 990],
  ])(
    'recorded %j, at %i with %i ms / %i allowed → waits %i ms',
    (times, now, window, max, delay) => {
      const log = new RequestLog(window);
      for (const time of times) log.record(time);
      expect(log.delay(now, max)).toBe(delay);
    },
  );

  it('counts a window the way Teams does: requests in (now − window, now]', () => {
    const log = new RequestLog(1000);
    log.record(0);
    log.record(999);
    expect(log.count(999)).toBe(2);
    expect(log.count(1000)).toBe(1);
    expect(log.count(1999)).toBe(0);
  });

  it('answers for shorter windows than its horizon', () => {
    const log = new RequestLog(30_000);
    for (const time of [0, 100, 29_000, 29_500]) log.record(time);
    expect(log.count(29_500, 1000)).toBe(2);
    expect(log.count(29_500)).toBe(4);
    expect(log.delay(29_500, 2, 1000)).toBe(500);
  });

  it('keeps its order when the wall clock steps back', () => {
    const log = new RequestLog(1000);
    log.record(500);
    log.record(400);
    expect(log.count(1400)).toBe(2);
    expect(log.count(1500)).toBe(0);
  });
});

describe('GlobalLimiter', () => {
  const sendAll = (limiter: GlobalLimiter, from: number, until: number): number[] => {
    const sent: number[] = [];
    for (let now = from; now < until; now += 1) {
      while (limiter.delay(now) === 0) {
        limiter.sent(now);
        limiter.answered(now);
        sent.push(now);
      }
    }
    return sent;
  };

  it('sends exactly the allowed number per window, no more', () => {
    const limiter = new GlobalLimiter({ requestsPerSecond: 50, marginMs: 0 });
    const sent = sendAll(limiter, 0, 10_000);
    expect(maxInWindow(sent, 1000)).toBe(50);
    // The first window starts full speed, so ten seconds hold a little more than 500.
    expect(sent.length).toBeGreaterThanOrEqual(500);
    expect(sent.length).toBeLessThanOrEqual(550);
  });

  it('spreads requests out instead of sending a crowd at once', () => {
    const limiter = new GlobalLimiter({ requestsPerSecond: 50, marginMs: 0, catchUpMs: 0 });
    const sent = sendAll(limiter, 0, 2000);
    expect(maxInWindow(sent, 1)).toBeLessThanOrEqual(2);
    expect(maxInWindow(sent, 100)).toBeLessThanOrEqual(11);
  });

  it('waits for an answer when the window is full of unanswered requests', () => {
    const limiter = new GlobalLimiter({ requestsPerSecond: 2, marginMs: 0, burst: 100 });
    limiter.sent(0);
    limiter.sent(0);
    expect(limiter.delay(5000)).toBe(Infinity);
    limiter.answered(100);
    // One answered at 100 leaves the window at 1100; the other is still out.
    expect(limiter.delay(500)).toBe(600);
    limiter.answered(300);
    expect(limiter.delay(1000)).toBe(100);
    expect(limiter.delay(1100)).toBe(0);
  });

  it('counts from sending when told so', () => {
    const limiter = new GlobalLimiter({
      requestsPerSecond: 1,
      marginMs: 0,
      countFrom: 'sent',
      catchUpMs: 0,
    });
    limiter.sent(0);
    expect(limiter.delay(0)).toBe(1000);
    expect(limiter.delay(1000)).toBe(0);
  });

  it('pauses for Retry-After and slows down, then recovers step by step', () => {
    const limiter = new GlobalLimiter({ requestsPerSecond: 100, marginMs: 0 });
    limiter.throttled(0, 300);
    expect(limiter.delay(0)).toBe(300);
    expect(limiter.capacity()).toBe(80);
    limiter.throttled(10, 300); // the same burst of 429s: one decrease only
    expect(limiter.capacity()).toBe(80);
    limiter.throttled(1500, 100);
    expect(limiter.capacity()).toBe(64);
    limiter.sent(2600);
    expect(limiter.capacity()).toBe(69);
    limiter.sent(3700);
    expect(limiter.capacity()).toBe(74);
  });

  it('pauses for its default when a 429 carries no Retry-After, and never too long', () => {
    const limiter = new GlobalLimiter({
      requestsPerSecond: 10,
      throttlePauseMs: 250,
      maxPauseMs: 2000,
    });
    limiter.throttled(0);
    expect(limiter.delay(0)).toBe(250);
    limiter.throttled(100, 3_600_000);
    expect(limiter.delay(100)).toBe(2000);
  });

  it('takes only its share of the rate when several instances send', () => {
    const limiter = new GlobalLimiter({ requestsPerSecond: 50 });
    limiter.setShare(1 / 3);
    expect(limiter.capacity()).toBe(16);
    expect(maxInWindow(sendAll(limiter, 0, 5000), 1000)).toBe(16);
  });

  it('never exceeds the limit where Teams counts, whatever the delays on the way', () => {
    // A request reaches the service at some moment between leaving and its answer.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.tuple(fc.nat(300), fc.nat(300)), { minLength: 50, maxLength: 200 }),
        (rate, delays) => {
          const limiter = new GlobalLimiter({ requestsPerSecond: rate, marginMs: 0 });
          const arrivals: number[] = [];
          const answers: number[] = [];
          let next = 0;
          for (let now = 0; now < 6000 && next < delays.length; now += 1) {
            answers.sort((a, b) => a - b);
            while (answers.length > 0 && (answers[0] as number) <= now) {
              limiter.answered(answers.shift() as number);
            }
            while (next < delays.length && limiter.delay(now) === 0) {
              const [up, down] = delays[next++] as [number, number];
              limiter.sent(now);
              arrivals.push(now + up);
              answers.push(now + up + down);
            }
          }
          expect(
            maxInWindow(
              arrivals.sort((a, b) => a - b),
              1000,
            ),
          ).toBeLessThanOrEqual(rate);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('ConversationLimiter', () => {
  /** Sends into one conversation as early as the limiter allows; returns the send times. */
  const sendEagerly = (limiter: ConversationLimiter, count: number, spacing: number) => {
    const times: number[] = [];
    let now = 0;
    for (let i = 0; i < count; i++) {
      now = Math.max(now, i * spacing);
      now += limiter.delay('a:1', now);
      limiter.record('a:1', now);
      times.push(now);
    }
    return times;
  };

  it.each([
    // [requests, wished spacing ms, window ms, max per window]
    [30, 0, 1000, 7],
    [30, 0, 2000, 8],
    [130, 300, 30_000, 60],
  ])('%i requests wished %i ms apart keep %i ms / %i', (count, spacing, window, max) => {
    const times = sendEagerly(
      new ConversationLimiter(TEAMS_CONVERSATION_WINDOWS, 0),
      count,
      spacing,
    );
    expect(maxInWindow(times, window)).toBe(max);
  });

  it('allows 1800 per hour, then waits for the hour to pass', () => {
    const times = sendEagerly(new ConversationLimiter(TEAMS_CONVERSATION_WINDOWS, 0), 1801, 0);
    expect(maxInWindow(times, 3_600_000)).toBe(1800);
    expect(times[1800]).toBeGreaterThanOrEqual(3_600_000);
  });

  it('holds 7 per second, 8 per two seconds for one conversation and none for another', () => {
    const limiter = new ConversationLimiter(TEAMS_CONVERSATION_WINDOWS, 0);
    for (let i = 0; i < 7; i++) limiter.record('a:1', 0);
    expect(limiter.delay('a:1', 0)).toBe(1000);
    expect(limiter.delay('a:2', 0)).toBe(0);
    limiter.record('a:1', 1000);
    expect(limiter.delay('a:1', 1000)).toBe(1000);
  });

  it('forgets conversations that have been quiet for an hour', () => {
    const limiter = new ConversationLimiter(TEAMS_CONVERSATION_WINDOWS, 0);
    limiter.record('a:1', 0);
    limiter.record('a:2', 3_000_000);
    limiter.forgetIdle(3_600_001);
    expect(limiter.size).toBe(1);
  });
});

/** The most requests within any window (t − windowMs, t]. */
function maxInWindow(sorted: number[], windowMs: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[start] as number) <= (sorted[end] as number) - windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
