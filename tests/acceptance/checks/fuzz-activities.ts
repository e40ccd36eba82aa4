/**
 * The long fuzz run: 10,000 hostile requests against the real bot (in this process, so
 * its error log and its heap can be watched). Passes when no request gets a 5xx or makes
 * a turn throw, no prototype is polluted, and the heap after garbage collection stays
 * flat between case 1,000 and the end. `FUZZ_SEED=<n>` repeats a run.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { fuzzRequest, prototypeSnapshot } from '../../support/fuzz-activities';
import { startFuzzTarget } from '../../support/fuzz-target';
import { assert, type AcceptanceCheck } from '../context';

const CASES = 10_000;
const WARM_UP = 1_000;
/** Allowed heap growth after warm-up: caches fill (bounded), nothing may grow per request. */
const HEAP_GROWTH_LIMIT_MB = 48;

export const check: AcceptanceCheck = {
  name: `fuzz /api/messages with ${CASES} hostile requests`,
  async run(log) {
    const collectGarbage = garbageCollector();
    const target = await startFuzzTarget();
    const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const statuses = new Map<number, number>();
    const prototypesBefore = prototypeSnapshot();
    let done = 0;
    let heapAfterWarmUp = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fuzzRequest({ serviceUrl: `${target.connector.url}/`, longestWord: 300 }),
          async (request) => {
            target.connector.clear();
            target.errors.length = 0;
            const status = await target.post(request);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            done += 1;
            if (done === WARM_UP) heapAfterWarmUp = heapAfterGc(collectGarbage);
            if (done % 2_000 === 0) log(`${done} Fälle, Heap ${heapAfterGc(collectGarbage)} MB`);
            if (status < 200 || status >= 500 || target.errors.length > 0) {
              const failures = target.errors.map((e) => `${e.msg}: ${e.err?.message ?? ''}`);
              throw new Error(`Status ${status}; ${failures.join('; ') || 'kein Fehler im Log'}`);
            }
          },
        ),
        { numRuns: CASES, seed },
      );
      const heapAtEnd = heapAfterGc(collectGarbage);
      log(`Seed ${seed}; Status: ${JSON.stringify(Object.fromEntries(statuses))}`);
      log(`Heap nach GC: ${heapAfterWarmUp} MB nach ${WARM_UP} Fällen, ${heapAtEnd} MB am Ende`);
      assert(prototypeSnapshot() === prototypesBefore, 'ein Prototyp wurde verändert');
      assert(
        heapAtEnd - heapAfterWarmUp <= HEAP_GROWTH_LIMIT_MB,
        `Heap wächst um ${heapAtEnd - heapAfterWarmUp} MB (erlaubt ${HEAP_GROWTH_LIMIT_MB} MB)`,
      );
      assert((statuses.get(200) ?? 0) > CASES / 4, 'zu wenige Fälle erreichen die Dialoge');
      const health = await fetch(`${target.bot.url}/healthz`);
      assert(health.status === 200, `healthz ${health.status} nach dem Lauf`);
    } finally {
      await target.close();
    }
  },
};

/** `gc` from --expose-gc, or switched on now: V8 accepts the flag at run time. */
function garbageCollector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function heapAfterGc(collectGarbage: () => void): number {
  collectGarbage();
  collectGarbage();
  return Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
}
