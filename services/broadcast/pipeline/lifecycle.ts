/**
 * The broadcast-level steps a worker takes besides sending: claiming a due broadcast to
 * prepare it, reopening the batches after an edit or recall, and noticing that a broadcast
 * is complete. Each is a conditional write, safe with several workers and after crashes.
 */
import {
  StoreConflictError,
  queryAll,
  updateDocument,
  type Store,
  type Stored,
} from '../../storage';
import {
  BATCHES_CONTAINER,
  BROADCASTS_CONTAINER,
  type Broadcast,
  type DeliveryBatch,
} from '../model';

type StoredBroadcast = Stored<Broadcast>;

/** Another worker holds the broadcast now. */
export class LeaseLostError extends Error {
  constructor(id: string) {
    super(`lease on ${id} lost`);
    this.name = 'LeaseLostError';
  }
}

/** Broadcasts to prepare: submitted and due, or left half-prepared by a worker that died. */
export async function broadcastsToPrepare(store: Store, now: number): Promise<StoredBroadcast[]> {
  const [due, abandoned] = await Promise.all([
    store.query<Broadcast>(BROADCASTS_CONTAINER, {
      where: [
        { field: 'status', op: '=', value: 'queued' },
        { field: 'sendAt', op: '<=', value: now },
      ],
      limit: 10,
    }),
    store.query<Broadcast>(BROADCASTS_CONTAINER, {
      where: [
        { field: 'status', op: '=', value: 'preparing' },
        { field: 'leaseUntil', op: '<', value: now },
      ],
      limit: 10,
    }),
  ]);
  return [...due.items, ...abandoned.items];
}

/** Takes the broadcast for preparing; undefined when another worker was faster. */
export async function claimForPrepare(
  store: Store,
  broadcast: StoredBroadcast,
  owner: string,
  now: Date,
  leaseMs: number,
): Promise<StoredBroadcast | undefined> {
  const due = broadcast.status === 'queued' && broadcast.sendAt <= now.getTime();
  const abandoned = broadcast.status === 'preparing' && broadcast.leaseUntil < now.getTime();
  if (!due && !abandoned) return undefined;
  try {
    return await store.replace<Broadcast>(
      BROADCASTS_CONTAINER,
      {
        ...broadcast,
        status: 'preparing',
        leaseOwner: owner,
        leaseUntil: now.getTime() + leaseMs,
        updatedAt: now.toISOString(),
      },
      broadcast.etag,
    );
  } catch (error) {
    if (error instanceof StoreConflictError) return undefined;
    throw error;
  }
}

export async function renewPrepareLease(
  store: Store,
  id: string,
  owner: string,
  leaseUntil: number,
): Promise<void> {
  const updated = await updateDocument<Broadcast>(store, BROADCASTS_CONTAINER, id, (current) =>
    current.status === 'preparing' && current.leaseOwner === owner
      ? { ...current, leaseUntil }
      : undefined,
  );
  if (!updated?.changed) throw new LeaseLostError(id);
}

/**
 * After an edit or recall: every batch of the broadcast is opened again for its generation
 * (idempotent — a batch already reopened for it is left alone), then the mark is cleared
 * unless another change came meanwhile.
 */
export async function reopenChangedBroadcasts(store: Store): Promise<number> {
  const pending = await store.query<Broadcast>(BROADCASTS_CONTAINER, {
    where: [{ field: 'reopenPending', op: '=', value: true }],
    limit: 20,
  });
  for (const broadcast of pending.items) {
    const generation = broadcast.generation;
    for await (const batch of queryAll<DeliveryBatch>(store, BATCHES_CONTAINER, {
      where: [{ field: 'broadcastId', op: '=', value: broadcast.id }],
      limit: 500,
    })) {
      if (batch.generation >= generation) continue;
      await updateDocument<DeliveryBatch>(store, BATCHES_CONTAINER, batch.id, (current) =>
        current.generation >= generation
          ? undefined
          : { ...current, state: 'open', pass: current.pass + 1, generation },
      );
    }
    await updateDocument<Broadcast>(store, BROADCASTS_CONTAINER, broadcast.id, (current) =>
      current.generation === generation && current.reopenPending
        ? { ...current, reopenPending: false }
        : undefined,
    );
  }
  return pending.items.length;
}

/** Marks broadcasts complete whose batches are all done. */
export async function completeFinishedBroadcasts(store: Store, now: Date): Promise<number> {
  const sending = await store.query<Broadcast>(BROADCASTS_CONTAINER, {
    where: [
      { field: 'status', op: '=', value: 'sending' },
      { field: 'reopenPending', op: '=', value: false },
    ],
    limit: 50,
  });
  let completed = 0;
  for (const broadcast of sending.items) {
    if (await completeIfFinished(store, broadcast, now)) completed += 1;
  }
  return completed;
}

/** Completes the broadcast when no batch is open; the generation guards against a change meanwhile. */
export async function completeIfFinished(
  store: Store,
  broadcast: StoredBroadcast,
  now: Date,
): Promise<boolean> {
  if (broadcast.status !== 'sending' || broadcast.reopenPending) return false;
  const open = await store.query<DeliveryBatch>(BATCHES_CONTAINER, {
    where: [
      { field: 'broadcastId', op: '=', value: broadcast.id },
      { field: 'state', op: '=', value: 'open' },
    ],
    limit: 1,
  });
  if (open.items.length > 0) return false;
  const updated = await updateDocument<Broadcast>(store, BROADCASTS_CONTAINER, broadcast.id, (b) =>
    b.status === 'sending' && !b.reopenPending && b.generation === broadcast.generation
      ? { ...b, status: 'completed', completedAt: now.toISOString(), updatedAt: now.toISOString() }
      : undefined,
  );
  return updated?.changed ?? false;
}

/** Anything left in the store that a worker could do now (for workers that run until idle). */
export async function workLeft(store: Store, now: number): Promise<boolean> {
  const open = (container: string, field: string, value: string) =>
    store.query(container, { where: [{ field, op: '=', value }], limit: 1 });
  const pages = await Promise.all([
    open(BATCHES_CONTAINER, 'state', 'open'),
    open(BROADCASTS_CONTAINER, 'status', 'sending'),
    open(BROADCASTS_CONTAINER, 'status', 'preparing'),
    store.query(BROADCASTS_CONTAINER, {
      where: [
        { field: 'status', op: '=', value: 'queued' },
        { field: 'sendAt', op: '<=', value: now },
      ],
      limit: 1,
    }),
  ]);
  return pages.some((page) => page.items.length > 0);
}
