import { updateDocument, type Stored } from '../storage';
import type { TicketContext } from './context';
import { TICKETS_CONTAINER, type CardRef, type Ticket } from './ticket';

/** Card bookkeeping: not a change of the ticket, so the version stays. */
export async function addCards(
  context: TicketContext,
  ticketId: string,
  cards: CardRef[],
): Promise<Stored<Ticket>> {
  const updated = await updateDocument<Ticket>(
    context.store,
    TICKETS_CONTAINER,
    ticketId,
    (current) => ({ ...current, cards: [...current.cards, ...cards] }),
  );
  if (!updated) throw new Error(`ticket ${ticketId} vanished`);
  return updated.doc;
}
