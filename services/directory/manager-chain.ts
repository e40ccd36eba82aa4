import { MAX_MANAGER_STEPS, type DirectoryUser } from './types';

/**
 * R3's walk up the management line, shared by the adapters: nearest manager first, at most
 * {@link MAX_MANAGER_STEPS}, stopping before a missing or unknown manager or a repeat (the
 * user counts as visited), so a cycle ends the walk instead of looping.
 */
export async function walkManagerChain(
  userId: string,
  managerOf: (userId: string) => DirectoryUser | null | Promise<DirectoryUser | null>,
): Promise<DirectoryUser[]> {
  const chain: DirectoryUser[] = [];
  const visited = new Set([userId]);
  let current = userId;
  while (chain.length < MAX_MANAGER_STEPS) {
    const manager = await managerOf(current);
    if (!manager || visited.has(manager.id)) break;
    visited.add(manager.id);
    chain.push(manager);
    current = manager.id;
  }
  return chain;
}
