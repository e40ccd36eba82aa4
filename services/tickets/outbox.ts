/**
 * Notices owed by the bot's own changes (see `Ticket.outbox`): sent after the change is
 * stored, and removed once sent. Whoever finds one still owed (the job that made the change,
 * its rerun after a crash, the ticket's next deadline job) sends it.
 */
import { updateDocument } from '../storage';
import type { TicketContext } from './context';
import { TICKETS_CONTAINER, type OwedNotice, type Ticket } from './ticket';

/** Appends a notice to the ticket's outbox (inside the write that makes the change). */
export function owe(ticket: Ticket, notice: OwedNotice): Ticket {
  const owed = ticket.outbox ?? [];
  return owed.some((known) => known.id === notice.id)
    ? ticket
    : { ...ticket, outbox: [...owed, notice] };
}

/** Sends what the ticket owes. A failed send is logged by the messenger and not retried. */
export async function sendOwedNotices(context: TicketContext, ticketId: string): Promise<void> {
  const { store, messenger } = context;
  const ticket = await store.get<Ticket>(TICKETS_CONTAINER, ticketId);
  if (!ticket?.outbox) return;
  for (const owed of ticket.outbox) {
    const reach =
      owed.to === 'asker'
        ? messenger.askerReach(ticket)
        : ticket.assignee
          ? await messenger.reachOf(ticket.assignee)
          : undefined;
    await messenger.notify(ticket, owed.notice, reach);
    await updateDocument<Ticket>(store, TICKETS_CONTAINER, ticketId, (current) =>
      current.outbox?.some((known) => known.id === owed.id)
        ? { ...current, outbox: current.outbox.filter((known) => known.id !== owed.id) }
        : undefined,
    );
  }
}
