import type { DirectoryUser } from '../types';

/** How busy each lotse is; the ticket service supplies it. Missing entries mean idle. */
export interface LotseLoad {
  openTickets: ReadonlyMap<string, number>;
  lastAssignedAt: ReadonlyMap<string, Date>;
}

export const NO_LOAD: LotseLoad = { openTickets: new Map(), lastAssignedAt: new Map() };

/**
 * Fewest open tickets first, then the one who received a ticket least recently (never
 * counts as longest ago); the UPN breaks remaining ties so the pick is reproducible.
 */
export function pickLeastLoaded(
  candidates: readonly DirectoryUser[],
  load: LotseLoad,
): DirectoryUser | null {
  let best: DirectoryUser | null = null;
  for (const candidate of candidates) {
    if (best === null || compareLoad(candidate, best, load) < 0) best = candidate;
  }
  return best;
}

function compareLoad(a: DirectoryUser, b: DirectoryUser, load: LotseLoad): number {
  return (
    openTickets(a, load) - openTickets(b, load) ||
    Math.sign(lastAssigned(a, load) - lastAssigned(b, load)) ||
    (a.userPrincipalName < b.userPrincipalName ? -1 : 1)
  );
}

function openTickets(user: DirectoryUser, load: LotseLoad): number {
  return load.openTickets.get(user.id) ?? 0;
}

function lastAssigned(user: DirectoryUser, load: LotseLoad): number {
  return load.lastAssignedAt.get(user.id)?.getTime() ?? Number.NEGATIVE_INFINITY;
}
