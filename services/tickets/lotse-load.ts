import type { LotseLoad } from '../directory';
import { queryAll, type Store } from '../storage';
import { TICKETS_CONTAINER, WORKLOAD_STATES, type Ticket } from './ticket';

/**
 * How busy the given lotsen are, from the tickets themselves: the tickets on their desk
 * (assigned to them and not yet answered) and when they were last assigned one.
 */
export async function lotseLoad(store: Store, lotseIds: readonly string[]): Promise<LotseLoad> {
  const wanted = new Set(lotseIds);
  const openTickets = new Map<string, number>();
  const active = queryAll<Ticket>(store, TICKETS_CONTAINER, {
    where: [{ field: 'active', op: '=', value: true }],
  });
  for await (const ticket of active) {
    const id = ticket.assignee?.id;
    if (id !== undefined && wanted.has(id) && WORKLOAD_STATES.has(ticket.state)) {
      openTickets.set(id, (openTickets.get(id) ?? 0) + 1);
    }
  }
  const lastAssignedAt = new Map<string, Date>();
  await Promise.all(
    [...wanted].map(async (id) => {
      const page = await store.query<Ticket>(TICKETS_CONTAINER, {
        where: [{ field: 'assignee.id', op: '=', value: id }],
        orderBy: { field: 'assignedAt', direction: 'desc' },
        limit: 1,
      });
      const at = page.items[0]?.assignedAt;
      if (at) lastAssignedAt.set(id, new Date(at));
    }),
  );
  return { openTickets, lastAssignedAt };
}
