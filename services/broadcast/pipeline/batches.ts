/**
 * Batch leases on the store. A lease is an owner plus an expiry written with a conditional
 * replace: of several workers only one wins a batch, and one whose lease ran out (it died,
 * it hung) loses the batch to the next worker that looks. Every write of the holder carries
 * the lease forward together with the "sending" record and the live counts.
 */
import { StoreConflictError, type Store, type Stored } from '../../storage';
import { BATCHES_CONTAINER, type DeliveryBatch } from '../model';

type StoredBatch = Stored<DeliveryBatch>;

/** Open batches nobody holds (free or lease run out). */
export async function claimableBatches(
  store: Store,
  now: number,
  limit: number,
): Promise<StoredBatch[]> {
  const page = await store.query<DeliveryBatch>(BATCHES_CONTAINER, {
    where: [
      { field: 'state', op: '=', value: 'open' },
      { field: 'leaseUntil', op: '<', value: now },
    ],
    limit,
  });
  return page.items;
}

/** Takes the batch for `owner`; undefined when another worker was faster. */
export async function claimBatch(
  store: Store,
  batch: StoredBatch,
  owner: string,
  now: number,
  leaseMs: number,
): Promise<StoredBatch | undefined> {
  if (batch.state !== 'open' || batch.leaseUntil >= now) return undefined;
  try {
    return await store.replace(
      BATCHES_CONTAINER,
      { ...batch, leaseOwner: owner, leaseUntil: now + leaseMs },
      batch.etag,
    );
  } catch (error) {
    if (error instanceof StoreConflictError) return undefined;
    throw error;
  }
}

export type LeaseWrite = { kind: 'held'; batch: StoredBatch } | { kind: 'lost' };

/** What the holder writes: the lease, the "sending" record and the live counts. */
export type HolderPatch = Pick<DeliveryBatch, 'leaseUntil' | 'sending' | 'counts'> & {
  countedAt: string;
};

/**
 * Writes `patch` onto the batch while `owner` still holds it. Another write in between (a
 * reopen by an edit) is merged by reading again; a new owner means the lease is lost.
 * `skip` may decline the write after seeing the current batch.
 */
async function writeHeld(
  store: Store,
  current: StoredBatch,
  owner: string,
  patch: (batch: StoredBatch) => Partial<DeliveryBatch> | undefined,
): Promise<LeaseWrite> {
  let batch = current;
  for (;;) {
    const change = patch(batch);
    if (!change) return { kind: 'held', batch };
    try {
      return {
        kind: 'held',
        batch: await store.replace(BATCHES_CONTAINER, { ...batch, ...change }, batch.etag),
      };
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error;
    }
    const fresh = await store.get<DeliveryBatch>(BATCHES_CONTAINER, batch.id);
    if (!fresh || fresh.leaseOwner !== owner || fresh.state !== 'open') return { kind: 'lost' };
    batch = fresh;
  }
}

/** Extends the lease and records who is being sent to now — before those requests go out. */
export function holdBatch(
  store: Store,
  current: StoredBatch,
  owner: string,
  patch: HolderPatch,
): Promise<LeaseWrite> {
  return writeHeld(store, current, owner, () => patch);
}

export type Finish = LeaseWrite | { kind: 'reopened'; batch: StoredBatch };

/**
 * Marks the batch done for `pass` and frees it — unless it was reopened meanwhile (an edit
 * or recall raised its pass): then the same worker goes over it again.
 */
export async function finishBatch(
  store: Store,
  current: StoredBatch,
  owner: string,
  pass: number,
  patch: Omit<HolderPatch, 'leaseUntil' | 'sending'>,
): Promise<Finish> {
  let reopened = false;
  const written = await writeHeld(store, current, owner, (batch) => {
    reopened = batch.pass !== pass;
    if (reopened) return undefined;
    return { ...patch, state: 'done', sending: [], leaseOwner: null, leaseUntil: 0 };
  });
  return written.kind === 'held' && reopened ? { kind: 'reopened', batch: written.batch } : written;
}

/** Gives the batch back unfinished (the worker stops); another worker can take it at once. */
export function releaseBatch(
  store: Store,
  current: StoredBatch,
  owner: string,
  patch: Omit<HolderPatch, 'leaseUntil'>,
): Promise<LeaseWrite> {
  return writeHeld(store, current, owner, () => ({ ...patch, leaseOwner: null, leaseUntil: 0 }));
}
