import { proposeFaq } from '../knowledge';
import type { Stored } from '../storage';
import { addCards } from './card-refs';
import type { TicketContext } from './context';
import { scheduleDeadline } from './deadlines';
import type { Offering } from './offering';
import type { Actor, TicketCommand } from './rules';
import type { CardRef, HistoryEntry, Ticket } from './ticket';
import type { TicketNotice } from './views';

/**
 * What follows a change: new cards, notices, in-place updates, the next deadline.
 * `earlier`: what the bot did before the change and the history records with it (an
 * installation of the app for the lotse a ticket is forwarded to).
 */
export async function followChange(
  context: TicketContext,
  offering: Offering,
  command: TicketCommand,
  ticket: Stored<Ticket>,
  actor: Actor,
  earlier: readonly HistoryEntry[] = [],
): Promise<Stored<Ticket>> {
  const { messenger } = context;
  let current = ticket;
  const newCards: CardRef[] = [];
  const notes: HistoryEntry[] = [...earlier];
  switch (command.verb) {
    case 'answer': {
      const answerIndex = ticket.answers.length - 1;
      const sent = await messenger.sendCard(
        ticket,
        {
          recipientId: ticket.asker.id,
          role: 'asker',
          kind: 'answer',
          language: ticket.asker.language,
          answerIndex,
        },
        ticket.asker.conversation,
      );
      if (sent.ok) newCards.push(sent.ref);
      break;
    }
    case 'forward': {
      // A forward is news even to someone who saw the ticket before: a new card.
      const delivered = await offering.deliver(ticket, ticket.candidates, { again: true });
      newCards.push(...delivered.cards);
      notes.push(...delivered.misses.filter((miss) => miss.action.startsWith('app-install')));
      await messenger.notify(ticket, 'new-holder', messenger.askerReach(ticket));
      break;
    }
    case 'proposeFaq': {
      const answer = ticket.answers[ticket.answers.length - 1];
      if (answer) {
        await proposeFaq(context.store, context.clock, {
          question: ticket.question,
          answer: answer.text,
          language: ticket.asker.language,
          proposedBy: { id: actor.id, displayName: actor.displayName },
          ticketId: ticket.id,
        });
      }
      break;
    }
    case 'close':
      await messenger.notify(ticket, 'closed', messenger.askerReach(ticket));
      break;
    case 'withdraw':
    case 'addInfo':
    case 'reopen':
      await notifyHolders(context, ticket, NOTICE_TO_HOLDERS[command.verb]);
      break;
    case 'claim':
    case 'solved':
      break;
  }
  if (newCards.length > 0 || notes.length > 0) {
    current = await addCards(context, ticket.id, newCards, notes);
  }
  const fresh = new Set(newCards.map((card) => card.activityId));
  await messenger.refresh({
    ...current,
    cards: current.cards.filter((card) => !fresh.has(card.activityId)),
  });
  await scheduleDeadline(context, current);
  return current;
}

async function notifyHolders(
  context: TicketContext,
  ticket: Ticket,
  notice: TicketNotice,
): Promise<void> {
  const holders = ticket.assignee ? [ticket.assignee] : ticket.candidates;
  for (const holder of holders) {
    await context.messenger.notify(ticket, notice, await context.messenger.reachOf(holder));
  }
}

const NOTICE_TO_HOLDERS = {
  withdraw: 'withdrawn',
  addInfo: 'info-added',
  reopen: 'reopened',
} as const satisfies Record<string, TicketNotice>;
