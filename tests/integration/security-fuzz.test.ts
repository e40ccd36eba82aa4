/**
 * Fuzzing `/api/messages` (fast variant; the 10,000-case run is the acceptance check
 * `fuzz-activities`): hostile activities and card payloads never get a 5xx, never make a
 * turn throw (a thrown turn is logged as an error even when the user sees a friendly
 * card), never pollute a prototype, and the bot keeps serving.
 */
import fc from 'fast-check';
import { fuzzRequest, prototypeSnapshot } from '../support/fuzz-activities';
import { startFuzzTarget, type FuzzTarget } from '../support/fuzz-target';

const CASES = 400;

describe('fuzzing the messages endpoint', () => {
  let target: FuzzTarget;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    target = await startFuzzTarget();
  });
  afterAll(async () => {
    await target.close();
  });

  it(`survives ${CASES} hostile requests without a 5xx or a failed turn`, async () => {
    const prototypesBefore = prototypeSnapshot();
    await fc.assert(
      fc.asyncProperty(
        fuzzRequest({ serviceUrl: `${target.connector.url}/`, longestWord: 300 }),
        async (request) => {
          target.connector.clear();
          target.errors.length = 0;
          const status = await target.post(request);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          expect(status).toBeGreaterThanOrEqual(200);
          expect(status).toBeLessThan(500);
          expect(target.errors).toEqual([]);
        },
      ),
      { numRuns: CASES },
    );
    expect(prototypeSnapshot()).toBe(prototypesBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The generators are worth something only if many cases reach the turn logic.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(CASES / 4);
    expect((await fetch(`${target.bot.url}/healthz`)).status).toBe(200);
  }, 60_000);
});
