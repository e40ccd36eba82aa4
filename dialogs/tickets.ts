/**
 * Tickets in the chat: the buttons of ticket cards (lotse and asker), "Meine Anfragen",
 * "Meine Tickets" and a lotse's "abwesend bis …" / "wieder da". Every button only names a
 * ticket, its version and a verb; the ticket service decides from the stored ticket.
 */
import { z } from 'zod';
import { fill, formatDay, myRequestsCard, myTicketsCard, strings, type Strings } from '../cards';
import {
  parseAbsenceEnd,
  type ActRefusal,
  type Actor,
  type TicketRequest,
} from '../services/tickets';
import { conversationOf } from './handoff';
import type { DialogServices } from './services';
import { sendCard, sendText, type Turn } from './turn';

const text = z.string().max(10_000).optional();

/** What ticket buttons submit; unknown fields are dropped, wrong types refused. */
const submitSchema = z.object({
  verb: z.enum([
    'ticket.claim',
    'ticket.answer',
    'ticket.forward',
    'ticket.proposeFaq',
    'ticket.close',
    'ticket.withdraw',
    'ticket.addInfo',
    'ticket.solved',
    'ticket.reopen',
  ]),
  ticketId: z.string().min(1).max(100),
  version: z.coerce.number().int().nonnegative(),
  answerText: text,
  forwardTo: text,
  forwardReason: text,
  closeNote: text,
  infoText: text,
  reopenComment: text,
});

type Submit = z.infer<typeof submitSchema>;

/** A button on a ticket card. */
export async function actOnTicket(
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
): Promise<void> {
  const t = strings[turn.language];
  const actor = actorOf(turn);
  if (!actor) return sendText(turn, t.ticketNoIdentity);
  const parsed = submitSchema.safeParse(value);
  if (!parsed.success) return sendText(turn, t.ticketRefusedInvalid);
  const submit = parsed.data;
  const result = await services.tickets.act(
    submit.ticketId,
    actor,
    requestOf(submit),
    submit.version,
  );
  if (result.ok) return;
  if (result.ticket && (result.reason === 'stale' || result.reason === 'wrong-state')) {
    await services.tickets.refreshCards(submit.ticketId, actor);
  }
  await sendText(turn, refusalText(result.reason, t));
}

/** "Anzeigen" in a list: the ticket's card, fresh, in this chat. */
export async function showTicket(
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
): Promise<void> {
  const t = strings[turn.language];
  const actor = actorOf(turn);
  const ticketId = typeof value.ticketId === 'string' ? value.ticketId : '';
  const shown =
    actor !== undefined &&
    (await services.tickets.show(ticketId, actor, {
      conversation: conversationOf(turn),
      language: turn.language,
    }));
  if (!shown) await sendText(turn, t.ticketRefusedNotFound);
}

/** "Meine Anfragen". */
export async function showMyRequests(turn: Turn, services: DialogServices): Promise<void> {
  const actor = actorOf(turn);
  if (!actor) return sendText(turn, strings[turn.language].ticketNoIdentity);
  const tickets = await services.tickets.ofAsker(actor);
  await sendCard(turn, myRequestsCard(turn.language, tickets));
}

/** "Meine Tickets" (lotsen): offered, claimed and overdue tickets. */
export async function showMyTickets(turn: Turn, services: DialogServices): Promise<void> {
  const t = strings[turn.language];
  const actor = actorOf(turn);
  if (!actor || !(await services.tickets.isLotse(actor.id))) {
    return sendText(turn, t.myTicketsNotLotse);
  }
  const tickets = await services.tickets.ofLotse(actor);
  await sendCard(turn, myTicketsCard(turn.language, tickets, services.clock.now()));
}

/** "abwesend" / "abwesend bis 24.12." (lotsen). */
export async function markAbsent(turn: Turn, services: DialogServices): Promise<void> {
  const t = strings[turn.language];
  const actor = actorOf(turn);
  if (!actor || !(await services.tickets.isLotse(actor.id))) {
    return sendText(turn, t.absentNotLotse);
  }
  const end = parseAbsenceEnd(turn.text.replace(/\b(bis|until|till)\b/i, ''), services.clock.now());
  switch (end.kind) {
    case 'invalid':
      return sendText(turn, t.absentBadDate);
    case 'past':
      return sendText(turn, t.absentPast);
    case 'open':
      await services.tickets.absences.set(actor.id, null);
      return sendText(turn, t.absentSetOpen);
    case 'until': {
      await services.tickets.absences.set(actor.id, end.until);
      const date = formatDay(end.lastDay, turn.language);
      return sendText(turn, fill(t.absentSetUntil, { date }));
    }
  }
}

/** "wieder da" (lotsen). */
export async function markPresent(turn: Turn, services: DialogServices): Promise<void> {
  const t = strings[turn.language];
  const actor = actorOf(turn);
  if (!actor || !(await services.tickets.isLotse(actor.id))) {
    return sendText(turn, t.absentNotLotse);
  }
  const cleared = await services.tickets.absences.clear(actor.id);
  await sendText(turn, cleared ? t.absentCleared : t.absentNone);
}

function requestOf(submit: Submit): TicketRequest {
  switch (submit.verb) {
    case 'ticket.claim':
      return { verb: 'claim' };
    case 'ticket.answer':
      return { verb: 'answer', text: submit.answerText ?? '' };
    case 'ticket.forward':
      return { verb: 'forward', to: submit.forwardTo ?? '', reason: submit.forwardReason ?? '' };
    case 'ticket.proposeFaq':
      return { verb: 'proposeFaq' };
    case 'ticket.close':
      return { verb: 'close', note: submit.closeNote };
    case 'ticket.withdraw':
      return { verb: 'withdraw' };
    case 'ticket.addInfo':
      return { verb: 'addInfo', text: submit.infoText ?? '' };
    case 'ticket.solved':
      return { verb: 'solved' };
    case 'ticket.reopen':
      return { verb: 'reopen', comment: submit.reopenComment };
  }
}

const REFUSALS: Record<ActRefusal, keyof Strings> = {
  'not-found': 'ticketRefusedNotFound',
  forbidden: 'ticketRefusedForbidden',
  stale: 'ticketRefusedStale',
  'wrong-state': 'ticketRefusedWrongState',
  invalid: 'ticketRefusedInvalid',
  unreachable: 'ticketRefusedUnreachable',
};

function refusalText(reason: ActRefusal, t: Strings): string {
  return t[REFUSALS[reason]];
}

/** The authenticated person of this turn; tickets need the Entra object id. */
export function actorOf(turn: Turn): Actor | undefined {
  const id = turn.identity.aadObjectId;
  if (!id) return undefined;
  return {
    id,
    tenantId: turn.identity.tenantId ?? null,
    displayName: turn.context.activity.from.name ?? '',
  };
}
