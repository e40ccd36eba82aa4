/**
 * Deadlines in working time with an injected clock: an unclaimed ticket moves on to the
 * next lotse and then to the central team, a claimed one reminds its assignee. Instances
 * share one store; a restart loses nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../services/clock';
import {
  DirectoryUnavailableError,
  type DirectoryUser,
  type OrgDirectory,
} from '../../services/directory';
import { SqliteStore, type Store } from '../../services/storage';
import { TICKETS_CONTAINER, type Ticket } from '../../services/tickets';
import {
  RecordingSender,
  actorOf,
  chatOf,
  conversationIdOf,
  demoDirectory,
  install,
  people,
  questionFrom,
  textOf,
  ticketDesk,
  type TicketDesk,
} from '../unit/tickets/ticket-fixtures';

describe('ticket deadlines', () => {
  const directory = demoDirectory();
  let dir: string;
  let store: Store;
  let clock: ManualClock;
  let desk: TicketDesk;
  let neumann: DirectoryUser;
  let koch: DirectoryUser;
  let weiss: DirectoryUser;
  let team: DirectoryUser[];

  const ticketOf = async (id: string) => (await store.get<Ticket>(TICKETS_CONTAINER, id))!;
  const at = (berlin: string) => clock.set(new Date(berlin));

  /** Opens a ticket for Laura Neumann (Kämmerei); the first offer goes to Daniel Koch. */
  async function ask(question: string): Promise<Ticket> {
    const opened = await desk.tickets.open(questionFrom(neumann, question));
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.ticket.assignee?.displayName).toBe('Daniel Koch');
    return opened.ticket;
  }

  beforeAll(async () => {
    let adele, yilmaz, wolf, schmitt;
    [neumann, koch, weiss, adele, yilmaz, wolf, schmitt] = await people(
      directory,
      'Laura Neumann',
      'Daniel Koch',
      'Stefanie Weiß',
      'Adele Vance',
      'Mehmet Yılmaz',
      'Katharina Wolf',
      'Lukas Schmitt',
    );
    team = [adele!, yilmaz!, wolf!, schmitt!];
  });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tickets-escalation-'));
    store = new SqliteStore({ path: join(dir, 'store.db') });
    clock = new ManualClock('2026-05-22T13:00:00Z');
    for (const user of [koch, weiss, ...team]) await install(store, clock, user);
    desk = ticketDesk(store, clock, directory);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves an unclaimed ticket on after 4 working hours: over the weekend and Whit Monday', async () => {
    at('2026-05-22T15:00:00+02:00'); // Friday
    const ticket = await ask('Wie buche ich eine Rechnung mit zwei Kostenstellen?');
    expect(ticket.deadline?.dueAt).toBe(new Date('2026-05-26T09:00:00+02:00').toISOString());

    at('2026-05-26T08:59:00+02:00'); // Tuesday, Monday was a public holiday
    await desk.scheduler.runDue();
    expect(desk.sender.sentTo(weiss.id)).toEqual([]);

    desk.sender.clear();
    at('2026-05-26T09:00:00+02:00');
    await desk.scheduler.runDue();
    expect(desk.sender.sentTo(weiss.id)).toHaveLength(1);
    expect(textOf(desk.sender.sentTo(neumann.id)[0]?.message)).toMatch(
      /liegt jetzt bei Stefanie Weiß/,
    );
    const moved = await ticketOf(ticket.id);
    expect(moved.assignee?.displayName).toBe('Stefanie Weiß');
    // Koch may still take it: his card is updated, not withdrawn.
    expect(moved.candidates.map((c) => c.displayName)).toEqual(['Daniel Koch', 'Stefanie Weiß']);
    expect(
      desk.sender.messages.some((m) => m.op === 'update' && m.conversationId === chatOf(koch.id)),
    ).toBe(true);

    desk.sender.clear();
    at('2026-05-26T13:00:00+02:00');
    await desk.scheduler.runDue();
    for (const member of team) expect(desk.sender.sentTo(member.id)).toHaveLength(1);
    expect(textOf(desk.sender.sentTo(neumann.id)[0]?.message)).toMatch(
      /zentralen Digitallotsen-Team/,
    );
    const withTeam = await ticketOf(ticket.id);
    expect(withTeam.stage).toBe('team');
    expect(withTeam.deadline?.dueAt).toBe(new Date('2026-05-26T17:00:00+02:00').toISOString());

    // Everyone has the card now: nobody is left to escalate to, and nothing is sent again.
    desk.sender.clear();
    at('2026-05-27T12:00:00+02:00');
    await desk.scheduler.runDue();
    expect(desk.sender.messages.filter((m) => m.op === 'send')).toEqual([]);
    expect((await ticketOf(ticket.id)).deadline).toBeNull();
  });

  it('tells the asker once even when the run dies between the escalation and the notice', async () => {
    at('2026-06-01T09:00:00+02:00'); // Monday
    const ticket = await ask('Wie lege ich einen neuen Kreditor an?');
    // The process dies while telling Laura Neumann: the escalation is stored, the notice not.
    const send = desk.sender.send.bind(desk.sender);
    const crashing = jest
      .spyOn(desk.sender, 'send')
      .mockImplementation(async (to, message) =>
        conversationIdOf(to) === chatOf(neumann.id)
          ? Promise.reject(new Error('crash'))
          : send(to, message),
      );
    desk.sender.clear();
    at('2026-06-01T13:00:00+02:00');
    await desk.scheduler.runDue();
    expect((await ticketOf(ticket.id)).assignee?.displayName).toBe('Stefanie Weiß');
    expect(desk.sender.sentTo(neumann.id)).toEqual([]);
    crashing.mockRestore();

    // The job runs again: the escalation is not repeated, the notice is sent, once.
    at('2026-06-01T13:30:00+02:00');
    await desk.scheduler.runDue();
    await desk.scheduler.runDue();
    const told = desk.sender.sentTo(neumann.id);
    expect(told).toHaveLength(1);
    expect(textOf(told[0]?.message)).toMatch(/liegt jetzt bei Stefanie Weiß/);
    expect(desk.sender.sentTo(weiss.id)).toHaveLength(1);
    expect((await ticketOf(ticket.id)).outbox).toEqual([]);
  });

  it('reminds the assignee once when a claimed ticket is unanswered after 2 working days', async () => {
    at('2026-06-03T10:00:00+02:00'); // Wednesday before Fronleichnam
    const ticket = await ask('Warum startet mein Laptop nicht?');
    const claimed = await desk.tickets.act(
      ticket.id,
      actorOf(koch),
      { verb: 'claim' },
      ticket.version,
    );
    expect(claimed.ok && claimed.ticket.deadline?.dueAt).toBe(
      new Date('2026-06-08T10:00:00+02:00').toISOString(),
    );

    desk.sender.clear();
    at('2026-06-08T09:59:00+02:00');
    await desk.scheduler.runDue();
    expect(desk.sender.sentTo(koch.id)).toEqual([]);
    at('2026-06-08T10:00:00+02:00');
    await desk.scheduler.runDue();
    at('2026-06-15T10:00:00+02:00');
    await desk.scheduler.runDue();
    const reminders = desk.sender.sentTo(koch.id);
    expect(reminders).toHaveLength(1);
    expect(textOf(reminders[0]?.message)).toMatch(/Erinnerung.*Laura Neumann/);
  });

  it('does not escalate a ticket that was claimed in time', async () => {
    at('2026-05-22T15:00:00+02:00');
    const ticket = await ask('Wie exportiere ich eine Liste nach Excel?');
    await desk.tickets.act(ticket.id, actorOf(koch), { verb: 'claim' }, ticket.version);
    desk.sender.clear();
    at('2026-05-26T12:00:00+02:00');
    await desk.scheduler.runDue();
    expect(desk.sender.sentTo(weiss.id)).toEqual([]);
    expect((await ticketOf(ticket.id)).assignee?.displayName).toBe('Daniel Koch');
  });

  it('skips a lotse without the app and records it', async () => {
    await store.delete('users', `aad:${koch.id.toLowerCase()}`);
    const opened = await desk.tickets.open(questionFrom(neumann, 'Wo ist das Formular?'));
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.ticket.assignee?.displayName).toBe('Stefanie Weiß');
    expect(opened.ticket.history).toContainEqual(
      expect.objectContaining({
        action: 'unreachable',
        target: expect.objectContaining({ displayName: 'Daniel Koch' }),
      }),
    );
  });

  it('escalates once when two instances poll the same store', async () => {
    at('2026-05-22T15:00:00+02:00');
    const ticket = await ask('Wie ändere ich die Bankverbindung eines Kreditors?');
    const other = ticketDesk(store, clock, directory, new RecordingSender(), 'second-instance');
    at('2026-05-26T09:00:00+02:00');
    await Promise.all([desk.scheduler.runDue(), other.scheduler.runDue()]);
    const cards = [...desk.sender.sentTo(weiss.id), ...other.sender.sentTo(weiss.id)];
    expect(cards).toHaveLength(1);
    const escalations = (await ticketOf(ticket.id)).history.filter((e) => e.action === 'escalated');
    expect(escalations).toHaveLength(1);
  });

  it('keeps a question asked while the directory is down and routes it at its deadline', async () => {
    let down = true;
    const failing = <T>(read: () => Promise<T>): Promise<T> =>
      down ? Promise.reject(new DirectoryUnavailableError('Graph is down')) : read();
    const flaky: OrgDirectory = {
      groups: directory.groups,
      findUser: (key) => failing(() => directory.findUser(key)),
      managerChain: (id) => failing(() => directory.managerChain(id)),
      groupMembers: (id) => failing(() => directory.groupMembers(id)),
      automaticReplies: (ids) => failing(() => directory.automaticReplies(ids)),
      users: () => directory.users(),
      health: () => directory.health(),
    };
    desk = ticketDesk(store, clock, flaky);
    at('2026-03-02T10:00:00+01:00');
    const opened = await desk.tickets.open(questionFrom(neumann, 'Geht das Intranet?'));
    expect(opened).toMatchObject({ ok: true, ticket: { assignee: null } });
    expect(textOf(desk.sender.sentTo(neumann.id)[0]?.message)).toMatch(/niemand erreichbar/);

    down = false;
    at('2026-03-02T14:00:00+01:00');
    await desk.scheduler.runDue();
    expect(desk.sender.sentTo(koch.id)).toHaveLength(1);
    if (opened.ok) expect((await ticketOf(opened.ticket.id)).routing.rule).toBe('unit');
  });

  it('resumes after a restart, even when the crash lost the deadline job', async () => {
    at('2026-05-22T15:00:00+02:00');
    const ticket = await ask('Wie lege ich eine neue Kostenstelle an?');
    await store.delete('jobs', `ticket-deadline:${ticket.id}:${ticket.deadline?.seq}`);
    await store.close();

    // A new process on the same data.
    store = new SqliteStore({ path: join(dir, 'store.db') });
    desk = ticketDesk(store, clock, directory);
    expect(await desk.tickets.ensureDeadlineJobs()).toBe(1);
    at('2026-05-26T09:00:00+02:00');
    await desk.scheduler.runDue();
    expect(desk.sender.sentTo(weiss.id)).toHaveLength(1);
  });
});
