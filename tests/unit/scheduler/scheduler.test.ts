import { ManualClock } from '../../../services/clock';
import {
  JOBS_CONTAINER,
  Scheduler,
  type Job,
  type JobHandler,
  type SchedulerOptions,
} from '../../../services/scheduler';
import { SqliteStore, type Store } from '../../../services/storage';

const START = '2026-03-02T08:00:00.000Z';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the scheduler', () => {
  let store: Store;
  let clock: ManualClock;
  const schedulerOn = (options: Partial<SchedulerOptions> = {}) =>
    new Scheduler({ store, clock, leaseMs: 60_000, ...options });

  beforeEach(() => {
    store = new SqliteStore({ path: ':memory:' });
    clock = new ManualClock(START);
  });
  afterEach(() => store.close());

  it('stores a job once however often it is scheduled', async () => {
    const scheduler = schedulerOn();
    const first = await scheduler.schedule({
      id: 'remind:1',
      kind: 'remind',
      dueAt: new Date('2026-03-02T10:00Z'),
      payload: { n: 1 },
    });
    const again = await scheduler.schedule({
      id: 'remind:1',
      kind: 'remind',
      dueAt: new Date('2026-03-09T10:00Z'),
      payload: { n: 2 },
    });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.job).toMatchObject({ dueAt: '2026-03-02T10:00:00.000Z', payload: { n: 1 } });
  });

  it('runs a job when it is due, not before, and marks it done', async () => {
    const seen: string[] = [];
    const scheduler = schedulerOn().register('remind', async (job) => void seen.push(job.id));
    await scheduler.schedule({
      id: 'j1',
      kind: 'remind',
      dueAt: new Date('2026-03-02T09:00Z'),
      payload: {},
    });

    expect((await scheduler.runDue()).ran).toBe(0);
    clock.set('2026-03-02T09:00:00.000Z');
    expect(await scheduler.runDue()).toMatchObject({ ran: 1, done: 1 });
    expect(seen).toEqual(['j1']);
    expect(await scheduler.get('j1')).toMatchObject({ state: 'done', leaseOwner: null });
    expect((await scheduler.runDue()).ran).toBe(0);
  });

  it('runs due jobs earliest first, across pages', async () => {
    const seen: string[] = [];
    const scheduler = schedulerOn({ pageSize: 2 }).register('k', async (job) => {
      seen.push(job.id);
    });
    const offsets = [5, 1, 4, 2, 3];
    for (const minutes of offsets) {
      await scheduler.schedule({
        id: `at-${minutes}`,
        kind: 'k',
        dueAt: new Date(Date.parse(START) - minutes * 60_000),
        payload: {},
      });
    }
    expect((await scheduler.runDue()).done).toBe(5);
    expect(seen).toEqual(['at-5', 'at-4', 'at-3', 'at-2', 'at-1']);
  });

  it('retries a failing job with growing pauses and gives up after the last attempt', async () => {
    let calls = 0;
    const scheduler = schedulerOn({
      maxAttempts: 3,
      backoff: { baseMs: 60_000, maxMs: 3_600_000 },
    }).register('flaky', async () => {
      calls += 1;
      throw new Error('connector down');
    });
    await scheduler.schedule({ id: 'f', kind: 'flaky', dueAt: clock.now(), payload: {} });

    expect(await scheduler.runDue()).toMatchObject({ retried: 1 });
    expect(await scheduler.get('f')).toMatchObject({
      state: 'pending',
      dueAt: '2026-03-02T08:01:00.000Z',
      attempts: 1,
      lastError: 'Error: connector down',
    });
    clock.advance(60_000);
    expect(await scheduler.runDue()).toMatchObject({ retried: 1 });
    expect((await scheduler.get('f'))?.dueAt).toBe('2026-03-02T08:03:00.000Z');
    clock.advance(120_000);
    expect(await scheduler.runDue()).toMatchObject({ failed: 1 });
    expect(await scheduler.get('f')).toMatchObject({ state: 'failed', attempts: 3 });
    clock.advance(3_600_000);
    await scheduler.runDue();
    expect(calls).toBe(3);
  });

  it('lets exactly one of two instances run a due job', async () => {
    let runs = 0;
    const handler: JobHandler = async () => void (runs += 1);
    const a = schedulerOn({ owner: 'a' }).register('escalate', handler);
    const b = schedulerOn({ owner: 'b' }).register('escalate', handler);
    for (let i = 0; i < 10; i++) {
      await a.schedule({ id: `e${i}`, kind: 'escalate', dueAt: clock.now(), payload: {} });
    }
    const [ra, rb] = await Promise.all([a.runDue(), b.runDue()]);
    expect(runs).toBe(10);
    expect(ra.done + rb.done).toBe(10);
  });

  it('takes over a job whose instance stopped answering once the lease has run out', async () => {
    const hanging = deferred();
    const a = schedulerOn({ owner: 'a' }).register('k', () => hanging.promise);
    const seenByB: string[] = [];
    const b = schedulerOn({ owner: 'b' }).register('k', async (job) => void seenByB.push(job.id));
    await a.schedule({ id: 'slow', kind: 'k', dueAt: clock.now(), payload: {} });

    const runA = a.runDue();
    await waitFor(async () => (await a.get('slow'))?.state === 'running');
    expect((await b.runDue()).ran).toBe(0);
    clock.advance(60_000);
    expect(await b.runDue()).toMatchObject({ ran: 1, done: 1 });
    expect(seenByB).toEqual(['slow']);

    hanging.resolve();
    await runA;
    expect(await a.get('slow')).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('releases its lease on stop so that another instance can take the job at once', async () => {
    const hanging = deferred();
    const a = schedulerOn({ owner: 'a', stopGraceMs: 1 }).register('k', () => hanging.promise);
    const b = schedulerOn({ owner: 'b' }).register('k', async () => {});
    await a.schedule({ id: 'long', kind: 'k', dueAt: clock.now(), payload: {} });
    a.start();
    await waitFor(async () => (await a.get('long'))?.state === 'running');

    await a.stop();
    expect(await a.get('long')).toMatchObject({ state: 'pending', leaseOwner: null });
    expect(await b.runDue()).toMatchObject({ done: 1 });
    hanging.resolve();
  });

  it('polls on its own after start and stops polling after stop', async () => {
    const seen: string[] = [];
    const scheduler = schedulerOn({ intervalMs: 5 }).register('k', async (job) => {
      seen.push(job.id);
    });
    scheduler.start();
    await scheduler.schedule({ id: 'p1', kind: 'k', dueAt: clock.now(), payload: {} });
    await waitFor(async () => seen.length === 1);
    await scheduler.stop();
    await scheduler.schedule({ id: 'p2', kind: 'k', dueAt: clock.now(), payload: {} });
    expect((await scheduler.get('p2'))?.state).toBe('pending');
  });

  it('does not run a cancelled job', async () => {
    let runs = 0;
    const scheduler = schedulerOn().register('k', async () => void (runs += 1));
    await scheduler.schedule({ id: 'c', kind: 'k', dueAt: clock.now(), payload: {} });
    expect(await scheduler.cancel('c')).toBe(true);
    await scheduler.runDue();
    expect(runs).toBe(0);
    expect(await scheduler.cancel('c')).toBe(false);
  });

  it('leaves a job of a kind it has no handler for to an instance that has one', async () => {
    const old = schedulerOn({ owner: 'old' });
    const current = schedulerOn({ owner: 'new' }).register('new-kind', async () => {});
    await old.schedule({ id: 'n', kind: 'new-kind', dueAt: clock.now(), payload: {} });
    expect((await old.runDue()).ran).toBe(0);
    expect((await store.get<Job>(JOBS_CONTAINER, 'n'))?.state).toBe('pending');
    expect((await current.runDue()).done).toBe(1);
  });
});

/** Polls a condition that another async flow makes true; bounded so a bug fails the test. */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error('condition not reached');
}
