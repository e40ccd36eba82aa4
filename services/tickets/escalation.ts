import { updateDocument } from '../storage';
import type { TicketContext } from './context';
import type { DeadlinePayload } from './deadlines';
import type { Offering } from './offering';
import { owe, sendOwedNotices } from './outbox';
import { TICKETS_CONTAINER, type Ticket } from './ticket';

/**
 * A ticket's deadline passed. Unclaimed: it moves on to the next lotse, then to the central
 * team, and the asker learns who has it now. Claimed but unanswered: the assignee is
 * reminded. A job for a deadline that has since been replaced does nothing.
 */
export async function handleDeadline(
  context: TicketContext,
  offering: Offering,
  payload: DeadlinePayload,
): Promise<void> {
  // What an earlier run of this job (or of the ticket's previous one) stored but never sent.
  await sendOwedNotices(context, payload.ticketId);
  const ticket = await context.store.get<Ticket>(TICKETS_CONTAINER, payload.ticketId);
  if (!ticket?.active || ticket.deadline?.seq !== payload.seq) return;

  if (ticket.deadline.kind === 'claim') {
    if (ticket.state !== 'open' && ticket.state !== 'forwarded') return;
    const escalated = await offering.offer(ticket, 'escalated');
    if (escalated.version === ticket.version) return;
    await context.messenger.refresh(escalated);
    await sendOwedNotices(context, ticket.id);
    return;
  }

  if (ticket.state !== 'claimed' || !ticket.assignee) return;
  const now = context.clock.now().toISOString();
  const reminded = await updateDocument<Ticket>(
    context.store,
    TICKETS_CONTAINER,
    ticket.id,
    (current) =>
      current.deadline?.seq === payload.seq && current.state === 'claimed'
        ? owe(
            {
              ...current,
              deadline: null,
              history: [
                ...current.history,
                {
                  at: now,
                  action: 'reminded',
                  actor: null,
                  ...(current.assignee && {
                    target: { id: current.assignee.id, displayName: current.assignee.displayName },
                  }),
                },
              ],
              updatedAt: now,
            },
            { id: `reminder:${payload.seq}`, notice: 'reminder', to: 'assignee' },
          )
        : undefined,
  );
  if (reminded?.changed) await sendOwedNotices(context, ticket.id);
}
