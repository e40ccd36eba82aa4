import { createHash, randomUUID } from 'node:crypto';
import { DirectoryUnavailableError, isRoutable, routeQuestion } from '../directory';
import { createIfMissing, type Stored } from '../storage';
import { addCards } from './card-refs';
import { idOf, personOf, type TicketContext } from './context';
import { decisionContext, scheduleDeadline } from './deadlines';
import type { ConversationReference } from '../messaging';
import { routingRecord, type Offering, type RoutingNow } from './offering';
import {
  TICKETS_CONTAINER,
  isTicketId,
  type Language,
  type Person,
  type Suggestion,
  type Ticket,
} from './ticket';

/** A question to hand to a person, with the asker as the turn identified them. */
export interface NewTicket {
  asker: {
    /** Entra object id. */
    id: string;
    tenantId: string | null;
    profileId: string;
    displayName: string;
    language: Language;
    conversation: ConversationReference;
  };
  question: string;
  /** What the bot showed before (entry ids and titles). */
  suggested?: Suggestion[];
  /** The ask flow's question id: handing the same question off twice gives one ticket. */
  questionId?: string;
}

export type Opened =
  | { ok: true; ticket: Stored<Ticket>; created: boolean }
  | { ok: false; reason: 'not-routable' | 'invalid' };

export const QUESTION_LIMIT = 2000;

/** Creates the ticket, offers it to the right lotse and sends the asker a status card. */
export async function openTicket(
  context: TicketContext,
  offering: Offering,
  request: NewTicket,
): Promise<Opened> {
  const question = request.question.trim();
  if (question.length === 0 || question.length > QUESTION_LIMIT) {
    return { ok: false, reason: 'invalid' };
  }
  const asker = { ...request.asker, id: idOf(request.asker.id) };
  const id = request.questionId ? `q-${request.questionId}` : randomUUID();
  if (!isTicketId(id)) return { ok: false, reason: 'invalid' };
  const earlier = await context.store.get<Ticket>(TICKETS_CONTAINER, id);
  if (earlier) return sameAsker(earlier, asker.id, asker.tenantId);

  const routing = await offering.routingInput(asker.id);
  if (routing.input.asker && !isRoutable(routing.input.asker)) {
    return { ok: false, reason: 'not-routable' };
  }
  const now = context.clock.now();
  const routed = routeQuestion(routing.input, now, routing.load);
  const known = routing.input.asker;
  const person: Person = known
    ? { ...personOf(known), language: asker.language }
    : {
        id: asker.id,
        displayName: asker.displayName,
        userPrincipalName: null,
        language: asker.language,
      };
  const ticket: Ticket = {
    id,
    reference: referenceOf(id),
    tenantId: asker.tenantId,
    version: 1,
    state: 'open',
    active: true,
    asker: { ...person, profileId: asker.profileId, conversation: asker.conversation },
    question,
    ...(request.questionId && { questionId: request.questionId }),
    suggested: (request.suggested ?? []).slice(0, 5),
    unit: known?.department?.trim() || null,
    routing: routingRecord(routed),
    stage: 'routed',
    candidates: [],
    offeredTo: [],
    assignee: null,
    assignedAt: null,
    answers: [],
    additions: [],
    faqProposed: false,
    // A deadline from the start: should the offer fail, the escalation job routes the ticket.
    deadline: {
      kind: 'claim',
      dueAt: decisionContext(context).claimDeadline(now).toISOString(),
      seq: 1,
    },
    deadlineSeq: 1,
    history: [
      {
        at: now.toISOString(),
        action: 'created',
        actor: { id: asker.id, displayName: person.displayName },
      },
    ],
    cards: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  const created = await createIfMissing(context.store, TICKETS_CONTAINER, ticket);
  if (!created.created) return sameAsker(created.doc, asker.id, asker.tenantId);

  await scheduleDeadline(context, created.doc);
  const offered = await offerOrWait(context, offering, created.doc, routing);
  const status = await context.messenger.sendCard(
    offered,
    { recipientId: asker.id, role: 'asker', kind: 'status', language: asker.language },
    asker.conversation,
  );
  const stored = status.ok ? await addCards(context, offered.id, [status.ref]) : offered;
  context.logger.info(
    { ticketId: id, rule: routed.rule, stage: stored.stage, cards: stored.cards.length },
    'ticket opened',
  );
  return { ok: true, ticket: stored, created: true };
}

/** The offer, or the ticket as it is when the directory is down: its deadline retries. */
async function offerOrWait(
  context: TicketContext,
  offering: Offering,
  ticket: Stored<Ticket>,
  routing: RoutingNow,
): Promise<Stored<Ticket>> {
  try {
    return await offering.offer(ticket, 'created', routing);
  } catch (error) {
    if (!(error instanceof DirectoryUnavailableError)) throw error;
    context.logger.warn({ ticketId: ticket.id }, 'ticket not offered yet: directory unavailable');
    return ticket;
  }
}

function sameAsker(ticket: Stored<Ticket>, askerId: string, tenantId: string | null): Opened {
  return ticket.asker.id === askerId && ticket.tenantId === tenantId
    ? { ok: true, ticket, created: false }
    : { ok: false, reason: 'invalid' };
}

/** Six characters people can read out on the phone. */
function referenceOf(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 6).toUpperCase();
}
