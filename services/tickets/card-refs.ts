import { updateDocument, type Stored } from '../storage';
import type { TicketContext } from './context';
import { TICKETS_CONTAINER, type CardRef, type HistoryEntry, type Ticket } from './ticket';

/**
 * Card bookkeeping (and what the bot did on the way, e.g. installing the app): not a change
 * of the ticket, so the version stays.
 */
export async function addCards(
  context: TicketContext,
  ticketId: string,
  cards: CardRef[],
  history: HistoryEntry[] = [],
): Promise<Stored<Ticket>> {
  const updated = await updateDocument<Ticket>(
    context.store,
    TICKETS_CONTAINER,
    ticketId,
    (current) => ({
      ...current,
      cards: [...current.cards, ...cards],
      history: [...current.history, ...history],
    }),
  );
  if (!updated) throw new Error(`ticket ${ticketId} vanished`);
  return updated.doc;
}
