import {
  BATCHES_CONTAINER,
  DELIVERIES_CONTAINER,
  READS_CONTAINER,
  broadcastPrivacySource,
  broadcastRetentionRules,
  type DeliveryBatch,
} from '../../services/broadcast';
import { ManualClock } from '../../services/clock';
import { silentLogger } from '../../services/logging';
import { Retention } from '../../services/retention';
import { Scheduler } from '../../services/scheduler';
import { queryAll, type Store } from '../../services/storage';
import { storeSubjects, type StoreSubject } from '../support/store-subjects';

const DAY = 86_400_000;
const erika = 'aad:erika';
const max = 'aad:max';

async function ids(store: Store, container: string): Promise<string[]> {
  const found: string[] = [];
  for await (const doc of queryAll(store, container)) found.push(doc.id);
  return found.sort();
}

describe.each(storeSubjects)('broadcast records on the %s store', (_name, create) => {
  let subject: StoreSubject;
  let store: Store;
  const clock = new ManualClock('2026-11-24T10:00:00Z');
  const ago = (days: number) => new Date(clock.now().getTime() - days * DAY).toISOString();
  const delivery = (broadcastId: string, recipientId: string, updatedAt: string) => ({
    id: `${broadcastId}:${recipientId}`,
    broadcastId,
    recipientId,
    batch: 0,
    language: 'de',
    conversation: { conversation: { id: `a:${recipientId}` } },
    status: 'sent',
    failures: 0,
    throttles: 0,
    sentAt: updatedAt,
    updatedAt,
  });
  const batch = (broadcastId: string, state: 'open' | 'done', countedAt?: string) => ({
    id: `${broadcastId}:0`,
    broadcastId,
    index: 0,
    recipientIds: [erika, max],
    sending: [erika],
    state,
    pass: 1,
    generation: 0,
    leaseOwner: null,
    leaseUntil: 0,
    counts: {},
    ...(countedAt && { countedAt }),
  });
  const read = (broadcastId: string, recipientId: string, readAt: string) => ({
    id: `${broadcastId}:${recipientId}`,
    broadcastId,
    recipientId,
    readAt,
  });

  beforeAll(async () => {
    subject = await create('broadcast-records');
    store = subject.open();
  });
  afterAll(() => subject.dispose());

  it('deletes deliveries, finished batches and "Gelesen" after the retention period', async () => {
    await store.create(DELIVERIES_CONTAINER, delivery('old', erika, ago(31)));
    await store.create(DELIVERIES_CONTAINER, delivery('new', erika, ago(29)));
    await store.create(BATCHES_CONTAINER, batch('old', 'done', ago(31)));
    await store.create(BATCHES_CONTAINER, batch('new', 'done', ago(29)));
    await store.create(BATCHES_CONTAINER, batch('stuck', 'open', ago(40)));
    await store.create(READS_CONTAINER, read('old', erika, ago(31)));
    await store.create(READS_CONTAINER, read('new', erika, ago(29)));
    const retention = new Retention(
      broadcastRetentionRules(store, 30),
      new Scheduler({ store, clock, intervalMs: 0 }),
      silentLogger,
    );

    expect(await retention.purge(clock.now())).toEqual({
      Zustellungen: 1,
      Zustellpakete: 1,
      Lesebestätigungen: 1,
    });
    expect(await ids(store, DELIVERIES_CONTAINER)).toEqual([`new:${erika}`]);
    expect(await ids(store, BATCHES_CONTAINER)).toEqual(['new:0', 'stuck:0']);
    expect(await ids(store, READS_CONTAINER)).toEqual([`new:${erika}`]);
  });

  it('exports a person’s deliveries and acknowledgements and erases them', async () => {
    await store.create(DELIVERIES_CONTAINER, delivery('b2', erika, ago(1)));
    await store.create(DELIVERIES_CONTAINER, delivery('b2', max, ago(1)));
    await store.create(BATCHES_CONTAINER, batch('b2', 'open'));
    await store.create(READS_CONTAINER, read('b2', max, ago(1)));
    const source = broadcastPrivacySource(store);
    const person = { profileId: erika, teamsUserId: '29:erika' };

    const exported = await source.export(person);
    expect(exported).toHaveLength(3);
    expect(exported).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ art: 'Zustellung', broadcastId: 'b2', status: 'sent' }),
        expect.objectContaining({ art: 'Gelesen', broadcastId: 'new' }),
      ]),
    );
    // No conversation reference in the export.
    expect(JSON.stringify(exported)).not.toContain('a:aad:erika');

    expect(await source.erase(person)).toBe(3);
    expect(await source.export(person)).toEqual([]);
    const left = await store.get<DeliveryBatch>(BATCHES_CONTAINER, 'b2:0');
    expect(left?.recipientIds).toEqual([max]);
    expect(left?.sending).toEqual([]);
    // Max's records stay.
    expect(await ids(store, DELIVERIES_CONTAINER)).toEqual([`b2:${max}`]);
    expect(await ids(store, READS_CONTAINER)).toEqual([`b2:${max}`]);
  });
});
