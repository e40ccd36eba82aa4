import {
  absenceFromAutomaticReplies,
  gatherRoutingInput,
  membersOf,
  routeQuestion,
  type DirectoryUser,
  type GatheredRouting,
  type LotseLoad,
  type RoutingResult,
} from '../directory';
import { updateDocument, type Stored } from '../storage';
import { reachByInstalling } from './app-install';
import { owe } from './outbox';
import { idOf, personOf, type TicketContext } from './context';
import { decisionContext, scheduleDeadline } from './deadlines';
import { lotseLoad } from './lotse-load';
import {
  TICKETS_CONTAINER,
  type CardRef,
  type HistoryEntry,
  type Person,
  type Ticket,
  type TicketRouting,
} from './ticket';

/** Routing for one asker at one moment, with absences and load. */
export interface RoutingNow {
  input: GatheredRouting;
  load: LotseLoad;
}

/** Why a ticket is being offered: a new ticket, or the claim deadline passed. */
export type OfferOccasion = 'created' | 'escalated';

interface Offer {
  /** Who may claim the ticket now (one lotse, or the central team). */
  people: Person[];
  stage: Ticket['stage'];
  /** Cards sent by this offer. */
  cards: CardRef[];
  /** How many of `people` have a card of this ticket (new or from before). */
  holders: number;
  misses: HistoryEntry[];
  /** Fresh routing for a ticket offered for the first time. */
  routing?: TicketRouting;
}

/**
 * Finds the lotse a ticket goes to and sends them the card: along the routing order of the
 * ticket's rule, one lotse at a time, skipping those already offered and those without the
 * app; when the rule has nobody left, the whole central team.
 */
export class Offering {
  constructor(private readonly context: TicketContext) {}

  /** Offers the ticket to the next lotse (or the team) and stores who has it now. */
  async offer(
    ticket: Stored<Ticket>,
    occasion: OfferOccasion,
    routing?: RoutingNow,
  ): Promise<Stored<Ticket>> {
    const { offer, misses } = await this.offerToNextLotse(ticket, routing);
    const chosen = offer ?? (await this.offerToTeam(ticket));
    return this.commit(ticket, { ...chosen, misses: [...misses, ...chosen.misses] }, occasion);
  }

  /** The routing of the ticket's asker as of now: fresh absences, current load. */
  async routingInput(askerId: string): Promise<RoutingNow> {
    const marked = await this.context.absences.markedAbsent();
    const gathered = await gatherRoutingInput(this.context.directory, askerId);
    // Absences are stored under lower-case ids; routing compares the directory's spelling.
    const markedAbsent = new Set(
      [...gathered.lotsen, ...gathered.central]
        .filter((user) => marked.has(idOf(user.id)))
        .map((user) => user.id),
    );
    const input = { ...gathered, markedAbsent };
    const inReach = [...input.lotsen, ...input.central].filter((user) => user.accountEnabled);
    const first = routeQuestion(input, this.context.clock.now());
    const ids = new Set([...first.candidates, ...input.central].map((user) => idOf(user.id)));
    const known = inReach.filter((user) => ids.has(idOf(user.id))).map((user) => idOf(user.id));
    return { input, load: keyedByDirectoryId(await lotseLoad(this.context.store, known), inReach) };
  }

  private async offerToNextLotse(
    ticket: Ticket,
    routing: RoutingNow | undefined,
  ): Promise<{ offer?: Offer; misses: HistoryEntry[] }> {
    const misses: HistoryEntry[] = [];
    if (ticket.state !== 'open' || ticket.stage !== 'routed') return { misses };
    // Never offered (the directory was down when it was opened): route it as a new ticket.
    const first = ticket.offeredTo.length === 0;
    const stored = ticket.routing.pickRule;
    if (!first && (stored === null || stored === 'central')) return { misses };
    const { input, load } = routing ?? (await this.routingInput(ticket.asker.id));
    const fresh = first
      ? routingRecord(routeQuestion(input, this.context.clock.now(), load))
      : undefined;
    const level = fresh ? fresh.pickRule : stored;
    if (level === null) return { misses };

    const tried = new Set([...ticket.offeredTo, ticket.asker.id]);
    for (;;) {
      const excluded = new Set(input.markedAbsent);
      for (const user of [...input.lotsen, ...input.central]) {
        if (tried.has(idOf(user.id))) excluded.add(user.id);
      }
      const now = this.context.clock.now();
      const next = routeQuestion({ ...input, markedAbsent: excluded }, now, load);
      if (!next.pick || next.pickRule !== level) return { misses };
      const lotse = personOf(next.pick);
      tried.add(lotse.id);
      const shown = {
        ...ticket,
        assignee: lotse,
        candidates: [lotse],
        version: ticket.version + 1,
      };
      const { card, notes } = await this.sendOffer(shown, lotse);
      misses.push(...notes);
      if (card) {
        return {
          offer: {
            people: [lotse],
            stage: 'routed',
            cards: [card],
            holders: 1,
            misses: [],
            routing: fresh,
          },
          misses,
        };
      }
      misses.push(this.unreachable(lotse));
    }
  }

  /** Every present member of the central team may claim; those with the app get the card. */
  private async offerToTeam(ticket: Ticket): Promise<Offer> {
    const team = await this.centralTeam(ticket);
    // The card shows the ticket as it will be once the offer is stored.
    const shown: Ticket = {
      ...ticket,
      assignee: null,
      candidates: mergePeople(ticket.candidates, team),
      stage: 'team',
      version: ticket.version + 1,
    };
    return { people: team, stage: 'team', ...(await this.deliver(shown, team)) };
  }

  /** The central team without the asker: those present, or everyone when nobody is. */
  async centralTeam(ticket: Ticket): Promise<Person[]> {
    const everyone = (await membersOf(this.context.directory, 'central')).filter(
      (user) => user.accountEnabled && idOf(user.id) !== ticket.asker.id,
    );
    const present = await this.presentOf(everyone);
    return (present.length > 0 ? present : everyone).map(personOf);
  }

  /**
   * Sends the card of `ticket` (as given) to each of `people` who has no offer card of it
   * yet (`again`: to everyone); the stored ticket learns about the cards from the caller.
   */
  async deliver(
    ticket: Ticket,
    people: Person[],
    options: { again?: boolean } = {},
  ): Promise<{ cards: CardRef[]; holders: number; misses: HistoryEntry[] }> {
    const holding = new Set(
      ticket.cards
        .filter((card) => card.kind === 'offer' && !options.again)
        .map((card) => card.recipientId),
    );
    const delivered = { cards: [] as CardRef[], holders: 0, misses: [] as HistoryEntry[] };
    for (const person of people) {
      if (holding.has(person.id)) {
        delivered.holders += 1;
        continue;
      }
      const { card, notes } = await this.sendOffer(ticket, person);
      delivered.misses.push(...notes);
      if (card) {
        delivered.cards.push(card);
        delivered.holders += 1;
      } else {
        delivered.misses.push(this.unreachable(person));
      }
    }
    return delivered;
  }

  /** `notes`: what the history records on the way (an installation of the app). */
  private async sendOffer(
    ticket: Ticket,
    lotse: Person,
  ): Promise<{ card?: CardRef; notes: HistoryEntry[] }> {
    let reach = await this.context.messenger.reachOf(lotse);
    const notes: HistoryEntry[] = [];
    if (!reach) {
      const installed = await reachByInstalling(this.context, ticket, lotse);
      if (installed) notes.push(installed.entry);
      reach = installed?.reach;
    }
    if (!reach) return { notes };
    const sent = await this.context.messenger.sendCard(
      ticket,
      { recipientId: lotse.id, role: 'lotse', kind: 'offer', language: reach.language },
      reach.conversation,
    );
    return sent.ok ? { card: sent.ref, notes } : { notes };
  }

  private async commit(
    ticket: Stored<Ticket>,
    offer: Offer,
    occasion: OfferOccasion,
  ): Promise<Stored<Ticket>> {
    const decision = decisionContext(this.context);
    const now = decision.now.toISOString();
    const updated = await updateDocument<Ticket>(
      this.context.store,
      TICKETS_CONTAINER,
      ticket.id,
      (current) => {
        // Someone without the app is recorded once, not at every retry.
        const missed = new Set(
          current.history.filter((e) => e.action === 'unreachable').map((e) => e.target?.id),
        );
        const bookkeeping = {
          cards: [...current.cards, ...offer.cards],
          history: [
            ...current.history,
            ...offer.misses.filter(
              (miss) => miss.action !== 'unreachable' || !missed.has(miss.target?.id),
            ),
          ],
        };
        // A claim (or withdrawal) came first: keep the cards so that they are updated.
        if (current.state !== 'open' && current.state !== 'forwarded') {
          return offer.cards.length > 0 ? { ...current, ...bookkeeping } : undefined;
        }
        const people = offer.people;
        const single = offer.stage === 'routed' ? (people[0] ?? null) : null;
        const candidates = mergePeople(current.candidates, people);
        // Wait for a claim while someone new got the card; when nobody could be reached,
        // try again later; when everyone already has it, there is nobody left to escalate to.
        const waits = offer.cards.length > 0 || offer.holders === 0;
        const seq = current.deadlineSeq + 1;
        const deadline = waits
          ? {
              kind: 'claim' as const,
              dueAt: decision.claimDeadline(decision.now).toISOString(),
              seq,
            }
          : null;
        const handedOn =
          offer.cards.length > 0 ||
          offer.stage !== current.stage ||
          (single?.id ?? null) !== (current.assignee?.id ?? null);
        if (!handedOn) {
          // Nothing new for anyone to see: only the deadline moves (or ends).
          return {
            ...current,
            ...bookkeeping,
            deadline,
            deadlineSeq: waits ? seq : current.deadlineSeq,
          };
        }
        const entry: HistoryEntry = {
          at: now,
          action: occasion === 'created' ? 'offered' : 'escalated',
          actor: null,
          ...(single ? { target: { id: single.id, displayName: single.displayName } } : {}),
          ...(offer.stage === 'team' ? { toTeam: true } : {}),
        };
        const offered: Ticket = {
          ...current,
          ...bookkeeping,
          history: [...bookkeeping.history, entry],
          routing: offer.routing ?? current.routing,
          stage: offer.stage,
          assignee: single,
          assignedAt: single ? now : current.assignedAt,
          candidates,
          offeredTo: [...new Set([...current.offeredTo, ...people.map((p) => p.id)])],
          deadline,
          deadlineSeq: waits ? seq : current.deadlineSeq,
          version: current.version + 1,
          updatedAt: now,
        };
        // The asker hears when an escalation gives the request to someone else.
        return occasion === 'escalated' && holderOf(offered) !== holderOf(current)
          ? owe(offered, { id: `new-holder:${offered.version}`, notice: 'new-holder', to: 'asker' })
          : offered;
      },
    );
    if (!updated) throw new Error(`ticket ${ticket.id} vanished while it was offered`);
    await scheduleDeadline(this.context, updated.doc);
    return updated.doc;
  }

  private async presentOf(users: DirectoryUser[]): Promise<DirectoryUser[]> {
    const now = this.context.clock.now();
    const [marked, replies] = await Promise.all([
      this.context.absences.markedAbsent(),
      users.length > 0
        ? this.context.directory.automaticReplies(users.map((user) => user.id))
        : Promise.resolve(new Map()),
    ]);
    return users.filter(
      (user) =>
        !marked.has(idOf(user.id)) &&
        !absenceFromAutomaticReplies(replies.get(user.id), now).absent,
    );
  }

  private unreachable(person: Person): HistoryEntry {
    return {
      at: this.context.clock.now().toISOString(),
      action: 'unreachable',
      actor: null,
      target: { id: person.id, displayName: person.displayName },
    };
  }
}

/** What a ticket keeps of a routing decision. */
export function routingRecord(routed: RoutingResult): TicketRouting {
  return {
    rule: routed.rule,
    pickRule: routed.pickRule,
    candidates: routed.candidates.map((c) => ({ id: idOf(c.id), displayName: c.displayName })),
    pickId: routed.pick ? idOf(routed.pick.id) : null,
  };
}

function mergePeople(current: Person[], added: Person[]): Person[] {
  const seen = new Set(current.map((person) => person.id));
  return [...current, ...added.filter((person) => !seen.has(person.id))];
}

/** The tickets store keys load by lower-case id; routing looks it up by the directory's id. */
function keyedByDirectoryId(load: LotseLoad, users: DirectoryUser[]): LotseLoad {
  const openTickets = new Map<string, number>();
  const lastAssignedAt = new Map<string, Date>();
  for (const user of users) {
    const open = load.openTickets.get(idOf(user.id));
    const last = load.lastAssignedAt.get(idOf(user.id));
    if (open !== undefined) openTickets.set(user.id, open);
    if (last !== undefined) lastAssignedAt.set(user.id, last);
  }
  return { openTickets, lastAssignedAt };
}

/** Who the asker would name as having the request. */
function holderOf(ticket: Ticket): string {
  return ticket.stage === 'team' ? 'central-team' : (ticket.assignee?.id ?? '');
}
