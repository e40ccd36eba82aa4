import { ConnectorSender } from '../../bot/proactive';
import {
  Audiences,
  BroadcastError,
  Broadcasts,
  DELIVERIES_CONTAINER,
  DeliveryReports,
  type Audience,
  type Delivery,
} from '../../services/broadcast';
import { join } from 'node:path';
import { FileDirectory } from '../../services/directory';
import { queryAll, SqliteStore } from '../../services/storage';
import { USERS_CONTAINER } from '../../services/users';
import { ConnectorDouble } from '../support/connector-double';
import {
  FaultySender,
  announceToAll,
  fastWorker,
  installUsers,
  installedProfile,
  seededRandom,
  sendsByConversation,
} from '../fixtures/broadcast/pipeline-setup';

describe('the broadcast pipeline against the Bot Connector', () => {
  let double: ConnectorDouble;
  let store: SqliteStore;
  let broadcasts: Broadcasts;
  let reports: DeliveryReports;

  beforeAll(async () => (double = await new ConnectorDouble().start()));
  afterAll(() => double.stop());
  beforeEach(() => {
    double.clear();
    store = new SqliteStore({ path: ':memory:' });
    broadcasts = new Broadcasts({ store, audiences: new Audiences(store), approvalThreshold: 1e6 });
    reports = new DeliveryReports(store);
  });
  afterEach(() => store.close());

  const deliveriesOf = async (broadcastId: string): Promise<Delivery[]> => {
    const all: Delivery[] = [];
    for await (const delivery of queryAll<Delivery>(store, DELIVERIES_CONTAINER, {
      where: [{ field: 'broadcastId', op: '=', value: broadcastId }],
      limit: 1000,
    })) {
      all.push(delivery);
    }
    return all;
  };

  it('accounts for all of 2,000 recipients through 5xx, 429s and blocked users, sending none twice', async () => {
    await installUsers(store, double, 2000);
    const id = await announceToAll(broadcasts);
    const sender = new FaultySender(
      double,
      [
        { fault: { status: 503 }, probability: 0.02 },
        { fault: { status: 500 }, probability: 0.01 },
        { fault: { status: 429 }, probability: 0.01 },
        { fault: { status: 429, retryAfterSeconds: 1 }, probability: 0.003 },
        { fault: { status: 403 }, probability: 0.01 },
      ],
      seededRandom(7),
    );

    await fastWorker(store, sender).runUntilIdle();

    const deliveries = await deliveriesOf(id);
    const sends = sendsByConversation(double);
    const byStatus = (status: string) => deliveries.filter((d) => d.status === status);
    const blocked = byStatus('blocked');
    expect(deliveries).toHaveLength(2000);
    expect(sender.injected.get('403')).toBeGreaterThan(5);
    expect(sender.injected.get('429+retry-after')).toBeGreaterThan(0);
    expect(blocked).toHaveLength(sender.injected.get('403') ?? 0);
    expect(byStatus('sent')).toHaveLength(2000 - blocked.length);
    expect([...sends.values()].filter((count) => count > 1)).toEqual([]);
    const sentIds = new Set(double.calls.filter((c) => c.op === 'send').map((c) => c.activityId));
    expect(byStatus('sent').every((d) => sentIds.has(d.activityId))).toBe(true);
    expect(await reports.report(id)).toMatchObject({
      status: 'completed',
      recipients: 2000,
      sent: 2000 - blocked.length,
      blocked: blocked.length,
      pending: 0,
      failed: 0,
    });
  }, 30_000);

  it('records a conversation Teams no longer knows (404) as not installed', async () => {
    await installUsers(store, double, 3);
    const id = await announceToAll(broadcasts);
    double.failNext({ status: 404 });
    await fastWorker(store).runUntilIdle();
    expect(await reports.report(id)).toMatchObject({ sent: 2, notInstalled: 1, pending: 0 });
  });

  it('resolves audiences from the directory and counts who has the app before sending', async () => {
    const directory = FileDirectory.load(join(__dirname, '../fixtures/broadcast/org.json'));
    const audiences = new Audiences(store, directory);
    const withApp = (aad: string, language?: 'en') => ({
      ...installedProfile(double, 1),
      id: `aad:${aad}`,
      aadObjectId: aad,
      ...(language && { language }),
    });
    await store.create(USERS_CONTAINER, withApp('00000000-0000-4000-8000-0000000000a1'));
    await store.create(USERS_CONTAINER, withApp('00000000-0000-4000-8000-0000000000b2', 'en'));
    const ids = async (audience: Audience) =>
      (await audiences.resolve(audience)).map(
        (r) => `${r.recipientId}${r.conversation ? '' : ' (ohne App)'} ${r.language}`,
      );

    // Disabled accounts and guests get nothing; units compare normalised.
    expect(await ids({ kind: 'lotsen' })).toEqual([
      'aad:00000000-0000-4000-8000-0000000000a1 de',
      'aad:00000000-0000-4000-8000-0000000000c3 (ohne App) en',
    ]);
    expect(await ids({ kind: 'units', departments: [' FACHBEREICH 2 bürgerservice'] })).toEqual([
      'aad:00000000-0000-4000-8000-0000000000a1 de',
      'aad:00000000-0000-4000-8000-0000000000b2 en',
    ]);
    // A unit includes the units below it (Cem is in "Fachbereich 3 / Abteilung 3.1 Steuern").
    expect(await ids({ kind: 'units', departments: ['fachbereich 3'] })).toEqual([
      'aad:00000000-0000-4000-8000-0000000000c3 (ohne App) en',
    ]);
    expect(await ids({ kind: 'units', departments: ['Abteilung 3.1 Steuern'] })).toEqual([]);
    expect(await ids({ kind: 'group', groupId: 'group-kurs' })).toEqual([
      'aad:00000000-0000-4000-8000-0000000000b2 en',
      'aad:00000000-0000-4000-8000-0000000000f7 (ohne App) de',
    ]);
    expect(await audiences.count({ kind: 'lotsen' })).toEqual({
      recipients: 2,
      reachable: 1,
      notInstalled: 1,
    });

    const id = await new Broadcasts({ store, audiences }).create({
      title: 'Lotsentreffen',
      createdBy: '00000000-0000-4000-8000-0000000000e6',
      audience: { kind: 'lotsen' },
      messages: { de: { text: 'Treffen' }, en: { text: 'Meeting' } },
    });
    await new Broadcasts({ store, audiences }).submit(id.id);
    await fastWorker(store, undefined, { resolveAudience: audiences.resolve }).runUntilIdle();
    expect(await reports.report(id.id)).toMatchObject({ recipients: 2, sent: 1, notInstalled: 1 });
    expect(double.calls.map((c) => c.activity?.text)).toEqual(['Treffen']);
  });

  it('updates every delivered card after an edit and deletes every one on recall', async () => {
    await installUsers(store, double, 40);
    const id = await announceToAll(broadcasts, 'Kurs am 3. März');
    double.failNext({ status: 403 });
    await fastWorker(store).runUntilIdle();
    const delivered = (await deliveriesOf(id)).filter((d) => d.status === 'sent');
    expect(delivered).toHaveLength(39);

    double.clear();
    await broadcasts.edit(id, { de: { text: 'Kurs verschoben auf den 10. März' } });
    await fastWorker(store).runUntilIdle();
    const updates = double.calls.filter((c) => c.op === 'update');
    expect(new Set(updates.map((c) => c.activityId))).toEqual(
      new Set(delivered.map((d) => d.activityId)),
    );
    expect(updates.every((c) => c.activity?.text === 'Kurs verschoben auf den 10. März')).toBe(
      true,
    );
    expect(double.calls.filter((c) => c.op === 'send')).toEqual([]);

    double.clear();
    await broadcasts.recall(id);
    await fastWorker(store).runUntilIdle();
    const deletes = double.calls.filter((c) => c.op === 'delete');
    expect(new Set(deletes.map((c) => c.activityId))).toEqual(
      new Set(delivered.map((d) => d.activityId)),
    );
    expect(deletes).toHaveLength(39);
    expect(await reports.report(id)).toMatchObject({
      status: 'completed',
      recalled: true,
      recalledCards: 39,
      blocked: 1,
      sent: 0,
    });
  });

  it('brings every card to the edited text when the edit comes in the middle of sending', async () => {
    await installUsers(store, double, 300);
    const id = await announceToAll(broadcasts, 'alt');
    const sender = new ConnectorSender();
    let sends = 0;
    let edited: Promise<unknown> | undefined;
    const editing = {
      ...sender,
      send: (to: Record<string, unknown>, message: { text?: string }) => {
        sends += 1;
        if (sends === 100) edited = broadcasts.edit(id, { de: { text: 'neu' } });
        return sender.send(to, message);
      },
      update: sender.update.bind(sender),
      delete: sender.delete.bind(sender),
    };
    await fastWorker(store, editing, { requestsPerSecond: 1000 }).runUntilIdle();
    await edited;

    const latest = new Map<string, unknown>();
    for (const call of double.calls) latest.set(call.conversationId, call.activity?.text);
    expect(latest.size).toBe(300);
    expect([...latest.values()].every((text) => text === 'neu')).toBe(true);
    expect([...sendsByConversation(double).values()].every((count) => count === 1)).toBe(true);
    expect(await reports.report(id)).toMatchObject({ status: 'completed', sent: 300, changing: 0 });
  });

  it('cancels what is not sent yet when recalled before sending', async () => {
    await installUsers(store, double, 5);
    const id = await announceToAll(broadcasts);
    await broadcasts.recall(id);
    await fastWorker(store).runUntilIdle();
    expect(double.calls).toEqual([]);
    expect(await broadcasts.get(id)).toMatchObject({ status: 'completed' });
  });

  it('waits for the time a broadcast is scheduled for', async () => {
    await installUsers(store, double, 3);
    const broadcast = await broadcasts.create({
      title: 'Später',
      createdBy: 'aad-organiser',
      audience: { kind: 'installed' },
      messages: { de: { text: 'Erinnerung' } },
    });
    const inAnHour = new Date(Date.now() + 3_600_000);
    await broadcasts.submit(broadcast.id, { sendAt: inAnHour });
    await fastWorker(store).runUntilIdle();
    expect(double.calls).toEqual([]);

    const later = { now: () => new Date(Date.now() + 3_601_000) };
    await fastWorker(store, undefined, { clock: later }).runUntilIdle();
    expect(sendsByConversation(double).size).toBe(3);
  });

  it('asks a second organiser to approve a large send', async () => {
    await installUsers(store, double, 4);
    const strict = new Broadcasts({ store, audiences: new Audiences(store), approvalThreshold: 3 });
    const draft = await strict.create({
      title: 'An alle',
      createdBy: 'aad-anna',
      audience: { kind: 'installed' },
      messages: { de: { text: 'Hallo' } },
    });
    const submitted = await strict.submit(draft.id);
    expect(submitted).toMatchObject({ needsApproval: true, count: { recipients: 4 } });
    await expect(strict.approve(draft.id, 'AAD-ANNA')).rejects.toMatchObject({
      code: 'same-approver',
    });
    await fastWorker(store).runUntilIdle();
    expect(double.calls).toEqual([]);

    await strict.approve(draft.id, 'aad-ben');
    await fastWorker(store).runUntilIdle();
    expect(sendsByConversation(double).size).toBe(4);
    await expect(strict.approve(draft.id, 'aad-ben')).rejects.toBeInstanceOf(BroadcastError);
  });

  it('exports the report as CSV and counts "Gelesen" once per person', async () => {
    await installUsers(store, double, 3);
    const id = await announceToAll(broadcasts);
    double.failNext({ status: 403 });
    await fastWorker(store).runUntilIdle();
    const deliveries = await deliveriesOf(id);
    const blocked = deliveries.find((d) => d.status === 'blocked')!;
    const [reader, other] = deliveries.filter((d) => d.status === 'sent') as [Delivery, Delivery];
    expect(await broadcasts.acknowledge(id, reader.recipientId)).toBe('recorded');
    expect(await broadcasts.acknowledge(id, reader.recipientId)).toBe('again');
    expect(await broadcasts.acknowledge(id, blocked.recipientId)).toBe('not-a-recipient');
    expect(await broadcasts.acknowledge(id, 'aad:stranger')).toBe('not-a-recipient');

    const csv = await reports.csv(id, async (aad) =>
      aad === other.aadObjectId ? '=Ben' : undefined,
    );
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Empfänger;Name;Entra-ID;Status;Versuche;Fehler;Gesendet;Gelesen');
    expect(lines).toHaveLength(4);
    expect(lines.filter((line) => line.includes(';blocked;'))).toHaveLength(1);
    expect(lines.find((line) => line.startsWith(`${other.recipientId};`))).toContain(";'=Ben;");
    expect(lines.find((line) => line.startsWith(`${reader.recipientId};`))).toMatch(
      /;\d{4}-\d\d-\d\dT[^;]+$/,
    );
    expect(await reports.report(id)).toMatchObject({ acknowledged: 1 });
  });
});
