/**
 * Workers announce themselves in the store so that instances sending at the same time split
 * the app's rate instead of each taking all of it (Teams counts the app, not the instance).
 */
import { StoreConflictError, queryAll, type Store } from '../../storage';
import { WORKERS_CONTAINER, type WorkerHeartbeat } from '../model';

/**
 * Writes this worker's heartbeat and returns how many workers are sending now, itself
 * included when `sending`.
 */
export async function heartbeat(
  store: Store,
  workerId: string,
  sending: boolean,
  now: number,
  ttlMs: number,
): Promise<number> {
  const beat: WorkerHeartbeat = { id: workerId, expiresAt: now + ttlMs, sending };
  const current = await store.get<WorkerHeartbeat>(WORKERS_CONTAINER, workerId);
  try {
    if (current) await store.replace(WORKERS_CONTAINER, beat, current.etag);
    else await store.create(WORKERS_CONTAINER, beat);
  } catch (error) {
    // Only this worker writes its heartbeat; a conflict is a stale read, the next beat fixes it.
    if (!(error instanceof StoreConflictError)) throw error;
  }
  let others = 0;
  for await (const worker of queryAll<WorkerHeartbeat>(store, WORKERS_CONTAINER, {
    where: [
      { field: 'sending', op: '=', value: true },
      { field: 'expiresAt', op: '>', value: now },
    ],
    limit: 1000,
  })) {
    if (worker.id !== workerId) others += 1;
  }
  return others + (sending ? 1 : 0);
}

/** Removes the heartbeat (clean stop) so that the others take the whole rate at once. */
export async function leave(store: Store, workerId: string): Promise<void> {
  await store.delete(WORKERS_CONTAINER, workerId);
}

/** Deletes heartbeats of workers gone for longer than `graceMs` (keeps the container small). */
export async function forgetGoneWorkers(store: Store, now: number, graceMs: number): Promise<void> {
  const gone = await store.query<WorkerHeartbeat>(WORKERS_CONTAINER, {
    where: [{ field: 'expiresAt', op: '<', value: now - graceMs }],
    limit: 100,
  });
  for (const worker of gone.items)
    await store.delete(WORKERS_CONTAINER, worker.id, worker.etag).catch(() => false);
}
