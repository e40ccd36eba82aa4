/**
 * Every verb against every kind of actor, on the real ticket service: allowed changes the
 * ticket, anything else is a typed refusal that leaves the stored ticket exactly as it was.
 */
import { ManualClock } from '../../services/clock';
import type { DirectoryUser } from '../../services/directory';
import { SqliteStore } from '../../services/storage';
import { FAQ_PROPOSALS_CONTAINER, type FaqProposal } from '../../services/knowledge';
import {
  TICKETS_CONTAINER,
  type Actor,
  type Ticket,
  type TicketRequest,
  type TicketVerb,
} from '../../services/tickets';
import {
  actorOf,
  demoDirectory,
  install,
  people,
  questionFrom,
  ticketDesk,
  type TicketDesk,
} from '../unit/tickets/ticket-fixtures';

type Who = 'asker' | 'employee' | 'candidate' | 'other lotse' | 'organiser' | 'other tenant';

const requests: Record<TicketVerb, TicketRequest> = {
  claim: { verb: 'claim' },
  answer: { verb: 'answer', text: 'Im Intranet unter Formulare.' },
  forward: { verb: 'forward', to: 'central', reason: 'Fachfrage' },
  proposeFaq: { verb: 'proposeFaq' },
  close: { verb: 'close', note: 'Telefonisch geklärt' },
  withdraw: { verb: 'withdraw' },
  addInfo: { verb: 'addInfo', text: 'Es betrifft Formular A7.' },
  solved: { verb: 'solved' },
  reopen: { verb: 'reopen', comment: 'Link geht nicht' },
};

/** The state each verb is tried in: one where its rightful user may use it. */
const answeredFirst: ReadonlySet<TicketVerb> = new Set(['proposeFaq', 'solved', 'reopen']);

const allowed: Record<TicketVerb, Who> = {
  claim: 'candidate',
  answer: 'candidate',
  forward: 'candidate',
  proposeFaq: 'candidate',
  close: 'candidate',
  withdraw: 'asker',
  addInfo: 'asker',
  solved: 'asker',
  reopen: 'asker',
};

const everyone: Who[] = [
  'asker',
  'employee',
  'candidate',
  'other lotse',
  'organiser',
  'other tenant',
];

describe('who may do what to a ticket', () => {
  const store = new SqliteStore({ path: ':memory:' });
  const clock = new ManualClock('2026-03-02T08:00:00Z');
  const directory = demoDirectory();
  let desk: TicketDesk;
  let asker: DirectoryUser;
  let kaemmerei: DirectoryUser[];
  let fixed: Record<'asker' | 'employee' | 'organiser', Actor>;

  beforeAll(async () => {
    const [neumann, kochUser, weiss, meier, isaiah, ...team] = await people(
      directory,
      'Laura Neumann',
      'Daniel Koch',
      'Stefanie Weiß',
      'Ursula Meier',
      'Isaiah Langer',
      'Adele Vance',
      'Mehmet Yılmaz',
    );
    asker = neumann!;
    kaemmerei = [kochUser!, weiss!];
    for (const user of [...kaemmerei, ...team]) await install(store, clock, user!);
    desk = ticketDesk(store, clock, directory);
    fixed = { asker: actorOf(asker), employee: actorOf(meier!), organiser: actorOf(isaiah!) };
  });

  /** The Kämmerei has two lotsen; routing balances, so either may be offered a ticket. */
  function actorsFor(ticket: Ticket): Record<Who, Actor> {
    const offered = kaemmerei.find((user) => user.id.toLowerCase() === ticket.assignee?.id);
    const other = kaemmerei.find((user) => user !== offered);
    if (!offered || !other) throw new Error('the ticket was not offered in the Kämmerei');
    return {
      ...fixed,
      candidate: actorOf(offered),
      'other lotse': actorOf(other),
      'other tenant': actorOf(offered, 'tenant-b'),
    };
  }
  afterAll(() => store.close());

  async function ticketFor(verb: TicketVerb): Promise<Ticket> {
    const opened = await desk.tickets.open(
      questionFrom(asker, `Wo finde ich Formular A7 (${verb})?`),
    );
    if (!opened.ok) throw new Error(opened.reason);
    if (!answeredFirst.has(verb)) return opened.ticket;
    const { candidate } = actorsFor(opened.ticket);
    const answered = await desk.tickets.act(opened.ticket.id, candidate, requests.answer);
    if (!answered.ok) throw new Error(answered.reason);
    return answered.ticket;
  }

  const cells = (Object.keys(requests) as TicketVerb[]).flatMap((verb) =>
    everyone.map((who) => [verb, who] as const),
  );

  it.each(cells)('%s by the %s', async (verb, who) => {
    const ticket = await ticketFor(verb);
    const actors = actorsFor(ticket);
    const before = await store.get<Ticket>(TICKETS_CONTAINER, ticket.id);
    const result = await desk.tickets.act(ticket.id, actors[who], requests[verb], ticket.version);
    const after = await store.get<Ticket>(TICKETS_CONTAINER, ticket.id);

    if (allowed[verb] === who) {
      expect(result.ok).toBe(true);
      expect(after?.version).toBe(ticket.version + 1);
      return;
    }
    expect(result).toMatchObject({
      ok: false,
      reason: who === 'other tenant' ? 'not-found' : 'forbidden',
    });
    expect(after).toEqual(before);
    if (who !== 'asker' && who !== 'candidate') {
      // Someone without a part in the ticket learns nothing about it.
      expect(result).not.toHaveProperty('ticket');
    }
  });

  it('refuses a replayed submit (an old version) and an unknown ticket, changing nothing', async () => {
    const ticket = await ticketFor('claim');
    const actors = actorsFor(ticket);
    const claimed = await desk.tickets.act(
      ticket.id,
      actors.candidate,
      requests.claim,
      ticket.version,
    );
    expect(claimed.ok).toBe(true);
    const before = await store.get<Ticket>(TICKETS_CONTAINER, ticket.id);
    const replay = await desk.tickets.act(
      ticket.id,
      actors.candidate,
      requests.close,
      ticket.version,
    );
    expect(replay).toMatchObject({ ok: false, reason: 'stale' });
    expect(await store.get<Ticket>(TICKETS_CONTAINER, ticket.id)).toEqual(before);

    for (const id of ['no-such-ticket', '../users/aad:x', '']) {
      expect(await desk.tickets.act(id, actors.candidate, requests.claim, 1)).toEqual({
        ok: false,
        reason: 'not-found',
      });
    }
  });

  it('refuses a forward to someone who is not a lotse, or cannot receive it', async () => {
    const ticket = await ticketFor('forward');
    const actors = actorsFor(ticket);
    const forward = (to: string) =>
      desk.tickets.act(
        ticket.id,
        actors.candidate,
        { verb: 'forward', to, reason: 'x' },
        ticket.version,
      );
    expect(await forward(actors.employee.id)).toMatchObject({ ok: false, reason: 'invalid' });
    const [aksoy] = await people(directory, 'Emine Aksoy');
    expect(await forward(aksoy!.id)).toMatchObject({ ok: false, reason: 'unreachable' });
    expect((await store.get<Ticket>(TICKETS_CONTAINER, ticket.id))?.version).toBe(ticket.version);
    expect(await forward(actors['other lotse'].id)).toMatchObject({
      ok: true,
      ticket: { state: 'forwarded', assignee: { displayName: actors['other lotse'].displayName } },
    });
  });

  it('stores a proposed FAQ entry for the review queue, once', async () => {
    const ticket = await ticketFor('proposeFaq');
    const { candidate } = actorsFor(ticket);
    const proposed = await desk.tickets.act(ticket.id, candidate, requests.proposeFaq);
    expect(proposed.ok).toBe(true);
    const proposal = await store.get<FaqProposal>(FAQ_PROPOSALS_CONTAINER, `ticket-${ticket.id}`);
    expect(proposal).toMatchObject({
      question: ticket.question,
      answer: 'Im Intranet unter Formulare.',
      proposedBy: { displayName: candidate.displayName },
      ticketId: ticket.id,
      state: 'pending',
    });
    expect(await desk.tickets.act(ticket.id, candidate, requests.proposeFaq)).toMatchObject({
      ok: false,
      reason: 'wrong-state',
    });
  });
});
