import fc from 'fast-check';
import { UserRateLimit } from '../../../bot/rate-limit';
import { ManualClock } from '../../../services/clock';

const MINUTE = 60_000;

function limiter(limit = 20, maxUsers?: number) {
  const clock = new ManualClock('2025-03-03T09:00:00Z');
  return { clock, limit: new UserRateLimit({ limit, maxUsers }, clock) };
}

describe('UserRateLimit', () => {
  it('lets 20 messages a minute through and refuses the 21st', () => {
    const { limit } = limiter();
    const decisions = Array.from({ length: 21 }, () => limit.take('anna').allowed);
    expect(decisions.filter(Boolean)).toHaveLength(20);
    expect(decisions[20]).toBe(false);
  });

  it('tells a user once per window, not on every refused message', () => {
    const { clock, limit } = limiter(2);
    limit.take('anna');
    limit.take('anna');
    const refused = Array.from({ length: 5 }, () => limit.take('anna'));
    expect(refused.map((d) => d.notify)).toEqual([true, false, false, false, false]);
    clock.advance(MINUTE);
    expect(limit.take('anna').allowed).toBe(true);
    limit.take('anna');
    expect(limit.take('anna')).toEqual({ allowed: false, notify: true });
  });

  it('slides: a message leaves the window one minute after it was accepted', () => {
    const { clock, limit } = limiter(2);
    limit.take('anna');
    clock.advance(30_000);
    limit.take('anna');
    expect(limit.take('anna').allowed).toBe(false);
    clock.advance(30_000);
    expect(limit.take('anna').allowed).toBe(true);
    expect(limit.take('anna').allowed).toBe(false);
  });

  it('counts every user on their own', () => {
    const { limit } = limiter(1);
    expect(limit.take('anna').allowed).toBe(true);
    expect(limit.take('ben').allowed).toBe(true);
    expect(limit.take('anna').allowed).toBe(false);
  });

  it('forgets the least recently active users beyond its bound', () => {
    const { limit } = limiter(1, 3);
    for (const user of ['a', 'b', 'c', 'd', 'e']) limit.take(user);
    expect(limit.trackedUsers).toBe(3);
    // 'a' was forgotten and starts afresh; 'e' is still counted.
    expect(limit.take('a').allowed).toBe(true);
    expect(limit.take('e').allowed).toBe(false);
  });

  it('never accepts more than the limit within any minute, whatever the timing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 20_000 }), user: fc.nat(2) }), {
          maxLength: 200,
        }),
        (max, arrivals) => {
          const { clock, limit } = limiter(max);
          const accepted = new Map<number, number[]>();
          const notified = new Map<number, number[]>();
          for (const { gap, user } of arrivals) {
            clock.advance(gap);
            const now = clock.now().getTime();
            const decision = limit.take(`user-${user}`);
            if (decision.allowed) accepted.set(user, [...(accepted.get(user) ?? []), now]);
            if (decision.notify) notified.set(user, [...(notified.get(user) ?? []), now]);
            expect(decision.allowed && decision.notify).toBe(false);
          }
          for (const times of accepted.values()) {
            times.forEach((start, i) => {
              const inWindow = times.slice(i).filter((t) => t < start + MINUTE);
              expect(inWindow.length).toBeLessThanOrEqual(max);
            });
          }
          for (const times of notified.values()) {
            times
              .slice(1)
              .forEach((t, i) => expect(t - (times[i] ?? 0)).toBeGreaterThanOrEqual(MINUTE));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
