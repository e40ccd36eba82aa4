/**
 * The scheduler on both store adapters: several instances on one store run each due job
 * once, and a job an instance left behind (crash, stop) is picked up by another.
 */
import { ManualClock } from '../../services/clock';
import { Scheduler, type JobHandler } from '../../services/scheduler';
import { storeSubjects, type StoreSubject } from '../support/store-subjects';

describe.each(storeSubjects)('the scheduler on the %s store', (_name, create) => {
  let subject: StoreSubject;
  const clock = new ManualClock('2026-03-02T08:00:00Z');

  beforeAll(async () => {
    subject = await create('scheduler');
  });
  afterAll(() => subject.dispose());

  it('runs each of 30 due jobs exactly once with three instances polling at once', async () => {
    const runs = new Map<string, number>();
    const handler: JobHandler = async (job) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
    };
    const instances = ['a', 'b', 'c'].map((owner) =>
      new Scheduler({ store: subject.open(), clock, owner, pageSize: 7 }).register(
        'count',
        handler,
      ),
    );
    for (let i = 0; i < 30; i++) {
      await instances[0]!.schedule({
        id: `count-${i}`,
        kind: 'count',
        dueAt: new Date(clock.now().getTime() - i * 1000),
        payload: { i },
      });
    }
    const summaries = await Promise.all(instances.map((instance) => instance.runDue()));
    expect(runs.size).toBe(30);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(summaries.reduce((sum, s) => sum + s.done, 0)).toBe(30);
  });

  it('lets another instance finish a job whose instance stopped in the middle', async () => {
    let release: () => void = () => {};
    const stuck = new Promise<void>((resolve) => (release = resolve));
    const first = new Scheduler({
      store: subject.open(),
      clock,
      owner: 'first',
      stopGraceMs: 1,
    }).register('report', () => stuck);
    const done: string[] = [];
    const second = new Scheduler({ store: subject.open(), clock, owner: 'second' }).register(
      'report',
      async (job) => void done.push(job.id),
    );
    await first.schedule({ id: 'report-1', kind: 'report', dueAt: clock.now(), payload: {} });
    const running = first.runDue();
    for (let i = 0; i < 500 && (await first.get('report-1'))?.state !== 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await first.stop();
    expect(await second.runDue()).toMatchObject({ done: 1 });
    expect(done).toEqual(['report-1']);
    release();
    await running;
    expect(await second.get('report-1')).toMatchObject({ state: 'done', leaseOwner: null });
  });
});
