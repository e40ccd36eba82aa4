import { ManualClock } from '../../services/clock';
import { silentLogger } from '../../services/logging';
import { expired, olderThan, Retention, RETENTION_JOB_KIND } from '../../services/retention';
import { JOBS_CONTAINER, Scheduler } from '../../services/scheduler';
import { queryAll, type Store } from '../../services/storage';
import { storeSubjects, type StoreSubject } from '../support/store-subjects';

const DAY = 86_400_000;

async function ids(store: Store, container: string): Promise<string[]> {
  const found: string[] = [];
  for await (const doc of queryAll(store, container)) found.push(doc.id);
  return found.sort();
}

describe.each(storeSubjects)('retention on the %s store', (_name, create) => {
  let subject: StoreSubject;
  let store: Store;
  const clock = new ManualClock('2026-11-24T10:00:00Z');
  const ago = (days: number) => new Date(clock.now().getTime() - days * DAY).toISOString();

  beforeAll(async () => {
    subject = await create('retention');
    store = subject.open();
  });
  afterAll(() => subject.dispose());

  it('deletes exactly the records past their period, per rule', async () => {
    await store.create('questions', { id: 'q-old', createdAt: ago(91) });
    await store.create('questions', { id: 'q-new', createdAt: ago(89) });
    await store.create('tickets', { id: 't-closed-old', active: false, updatedAt: ago(181) });
    await store.create('tickets', { id: 't-open-old', active: true, updatedAt: ago(400) });
    await store.create('tickets', { id: 't-closed-new', active: false, updatedAt: ago(10) });
    await store.create('exports', { id: 'e-expired', expiresAt: ago(0.01) });
    await store.create('exports', { id: 'e-valid', expiresAt: ago(-0.01) });
    const retention = new Retention(
      [
        olderThan('questions', store, 'questions', 'createdAt', 90),
        olderThan('closed tickets', store, 'tickets', 'updatedAt', 180, [
          { field: 'active', op: '=', value: false },
        ]),
        expired('exports', store, 'exports', 'expiresAt'),
      ],
      new Scheduler({ store, clock, intervalMs: 0 }),
      silentLogger,
    );

    expect(await retention.purge(clock.now())).toEqual({
      questions: 1,
      'closed tickets': 1,
      exports: 1,
    });
    expect(await ids(store, 'questions')).toEqual(['q-new']);
    expect(await ids(store, 'tickets')).toEqual(['t-closed-new', 't-open-old']);
    expect(await ids(store, 'exports')).toEqual(['e-valid']);
  });

  it('runs nightly at 3:00 Berlin time, once even with two instances, and schedules the next night', async () => {
    await store.create('gaps', { id: 'g-old', createdAt: ago(100) });
    const instances = [subject.open(), subject.open()].map((handle) => {
      const scheduler = new Scheduler({ store: handle, clock, intervalMs: 0 });
      const retention = new Retention(
        [olderThan('gaps', handle, 'gaps', 'createdAt', 90)],
        scheduler,
        silentLogger,
      );
      return { scheduler, retention };
    });
    await Promise.all(instances.map(({ retention }) => retention.scheduleAfter(clock.now())));
    const pending = (await ids(store, JOBS_CONTAINER)).filter((id) => id.startsWith('retention:'));
    expect(pending).toEqual(['retention:2026-11-25']);

    clock.set('2026-11-25T01:59:00Z'); // 2:59 in Berlin (UTC+1)
    await Promise.all(instances.map(({ scheduler }) => scheduler.runDue()));
    expect(await ids(store, 'gaps')).toEqual(['g-old']);

    clock.set('2026-11-25T02:00:00Z');
    const runs = await Promise.all(instances.map(({ scheduler }) => scheduler.runDue()));
    expect(runs.reduce((sum, run) => sum + run.done, 0)).toBe(1);
    expect(await ids(store, 'gaps')).toEqual([]);
    const next = await store.get<{ id: string; kind: string; dueAt: string }>(
      JOBS_CONTAINER,
      'retention:2026-11-26',
    );
    expect(next).toMatchObject({ kind: RETENTION_JOB_KIND, dueAt: '2026-11-26T02:00:00.000Z' });
  });
});
