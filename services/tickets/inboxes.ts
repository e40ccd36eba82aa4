import { queryAll, type Store } from '../storage';
import { idOf } from './context';
import type { Actor } from './rules';
import { TICKETS_CONTAINER, type Ticket } from './ticket';

/** "Meine Anfragen": the asker's tickets, newest first. */
export async function ticketsOfAsker(store: Store, actor: Actor, limit = 20): Promise<Ticket[]> {
  const page = await store.query<Ticket>(TICKETS_CONTAINER, {
    where: [{ field: 'asker.id', op: '=', value: idOf(actor.id) }],
    orderBy: { field: 'createdAt', direction: 'desc' },
    limit,
  });
  return page.items.filter((ticket) => ticket.tenantId === actor.tenantId);
}

/** "Meine Tickets": active tickets the lotse may work on, oldest first. */
export async function ticketsOfLotse(store: Store, actor: Actor): Promise<Ticket[]> {
  const id = idOf(actor.id);
  const mine: Ticket[] = [];
  const active = queryAll<Ticket>(store, TICKETS_CONTAINER, {
    where: [{ field: 'active', op: '=', value: true }],
  });
  for await (const ticket of active) {
    if (ticket.tenantId === actor.tenantId && ticket.candidates.some((c) => c.id === id)) {
      mine.push(ticket);
    }
  }
  return mine.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
