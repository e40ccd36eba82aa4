/**
 * Lotsen acting at the same moment, on both store adapters: every change of a ticket is a
 * conditional write, so of twenty simultaneous claims exactly one wins.
 */
import { ManualClock } from '../../services/clock';
import type { DirectoryUser } from '../../services/directory';
import type { Store } from '../../services/storage';
import { TICKETS_CONTAINER, type Ticket } from '../../services/tickets';
import { storeSubjects, type StoreSubject } from '../support/store-subjects';
import {
  actorOf,
  demoDirectory,
  install,
  people,
  questionFrom,
  ticketDesk,
} from '../unit/tickets/ticket-fixtures';

describe.each(storeSubjects)('tickets on the %s store', (_name, create) => {
  let subject: StoreSubject;
  let store: Store;
  const clock = new ManualClock('2026-03-02T08:00:00Z');
  const directory = demoDirectory();
  let asker: DirectoryUser;
  let koch: DirectoryUser;
  let team: DirectoryUser[];

  beforeAll(async () => {
    subject = await create('tickets');
    store = subject.open();
    let adele: DirectoryUser, yilmaz: DirectoryUser, wolf: DirectoryUser, schmitt: DirectoryUser;
    [asker, koch, adele, yilmaz, wolf, schmitt] = await people(
      directory,
      'Laura Neumann',
      'Daniel Koch',
      'Adele Vance',
      'Mehmet Yılmaz',
      'Katharina Wolf',
      'Lukas Schmitt',
    );
    team = [adele, yilmaz, wolf, schmitt];
    for (const user of [koch, ...team]) await install(store, clock, user);
  });
  afterAll(() => subject.dispose());

  it('lets exactly one of 20 simultaneous claims by the central team win', async () => {
    const desk = ticketDesk(store, clock, directory);
    const opened = await desk.tickets.open(questionFrom(asker, 'Wer hilft mir mit SAP?'));
    if (!opened.ok) throw new Error(opened.reason);
    const forwarded = await desk.tickets.act(
      opened.ticket.id,
      actorOf(koch),
      { verb: 'forward', to: 'central', reason: 'SAP-Frage' },
      opened.ticket.version,
    );
    if (!forwarded.ok) throw new Error(forwarded.reason);
    expect(forwarded.ticket.candidates).toHaveLength(4);

    const claims = Array.from({ length: 20 }, (_, i) =>
      desk.tickets.act(
        opened.ticket.id,
        actorOf(team[i % team.length]!),
        { verb: 'claim' },
        forwarded.ticket.version,
      ),
    );
    const results = await Promise.all(claims);
    const winners = results.filter((result) => result.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).not.toContain('not-found');

    const stored = await store.get<Ticket>(TICKETS_CONTAINER, opened.ticket.id);
    expect(stored?.version).toBe(forwarded.ticket.version + 1);
    expect(stored?.state).toBe('claimed');
    expect(stored?.history.filter((entry) => entry.action === 'claimed')).toHaveLength(1);
    expect(winners[0]?.ok && winners[0].ticket.assignee?.id).toBe(stored?.assignee?.id);
  });

  it('keeps both of two simultaneous additions by the asker', async () => {
    const desk = ticketDesk(store, clock, directory);
    const opened = await desk.tickets.open(questionFrom(asker, 'Wie scanne ich zu E-Mail?'));
    if (!opened.ok) throw new Error(opened.reason);
    const results = await Promise.all(
      ['Gerät im 2. OG', 'Fehlermeldung E42'].map((text) =>
        desk.tickets.act(opened.ticket.id, actorOf(asker), { verb: 'addInfo', text }),
      ),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const stored = await store.get<Ticket>(TICKETS_CONTAINER, opened.ticket.id);
    expect(stored?.additions.map((a) => a.text).sort()).toEqual([
      'Fehlermeldung E42',
      'Gerät im 2. OG',
    ]);
  });
});
