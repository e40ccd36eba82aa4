import { userInfo } from 'node:os';
import type { AuditActor } from '../../services/audit';
import { systemClock, type Clock } from '../../services/clock';
import { loadConfig } from '../../services/config';
import type { Store } from '../../services/storage';
import { storeFromConfig } from '../store-from-config';

/** Runs an admin command against the store the bot is configured with, then closes it. */
export async function withConfiguredStore<T>(
  work: (store: Store, clock: Clock) => Promise<T>,
): Promise<T> {
  const store = storeFromConfig(loadConfig(process.env).store);
  try {
    return await work(store, systemClock);
  } finally {
    await store.close();
  }
}

/** The person at the admin CLI, for the audit log. */
export function cliActor(): AuditActor {
  return { id: `cli:${userInfo().username}` };
}
