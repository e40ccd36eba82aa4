/**
 * Prepare: resolve the audience and write the outbox — one delivery per recipient, then the
 * batches that list them. Every write is create-if-missing with a deterministic id, so a
 * prepare that is repeated (its worker died half-way) completes the outbox instead of
 * doubling it.
 */
import type { Clock } from '../../clock';
import { createIfMissing, updateDocument, type Store, type Stored } from '../../storage';
import type { AudienceResolver, Recipient } from '../audience';
import { forEachConcurrently } from '../concurrency';
import {
  BATCHES_CONTAINER,
  BROADCASTS_CONTAINER,
  DELIVERIES_CONTAINER,
  batchIdOf,
  deliveryIdOf,
  type Broadcast,
  type Delivery,
  type DeliveryBatch,
} from '../model';

export interface PrepareContext {
  store: Store;
  clock: Clock;
  resolve: AudienceResolver;
  batchSize: number;
  /** Renews the prepare lease; rejects when another worker has taken over. */
  keepLease: () => Promise<void>;
}

/** Store round trips allowed at once (Cosmos DB); the embedded store runs them one by one. */
const WRITE_CONCURRENCY = 16;

export async function prepareBroadcast(
  context: PrepareContext,
  broadcast: Stored<Broadcast>,
): Promise<void> {
  const { store, clock } = context;
  const recipients = await context.resolve(broadcast.audience);
  const reachable = recipients.filter((recipient) => recipient.conversation);
  const batchCount = await fixBatchCount(
    store,
    broadcast.id,
    Math.ceil(reachable.length / context.batchSize),
  );
  await context.keepLease();

  const batchOf = new Map(reachable.map((recipient, index) => [recipient, index % batchCount]));
  const members = new Map<number, string[]>();
  let notInstalled = 0;
  const now = clock.now().toISOString();
  await forEachConcurrently(recipients, WRITE_CONCURRENCY, async (recipient) => {
    const { doc } = await createIfMissing<Delivery>(
      store,
      DELIVERIES_CONTAINER,
      deliveryOf(broadcast.id, recipient, batchOf.get(recipient) ?? -1, now),
    );
    // An existing delivery (from an earlier prepare) keeps its batch and state.
    if (doc.batch < 0) {
      if (doc.status === 'not-installed') notInstalled += 1;
      return;
    }
    let listed = members.get(doc.batch);
    if (!listed) members.set(doc.batch, (listed = []));
    listed.push(doc.recipientId);
  });
  await context.keepLease();

  await forEachConcurrently([...members], WRITE_CONCURRENCY, async ([index, recipientIds]) => {
    const batch: DeliveryBatch = {
      id: batchIdOf(broadcast.id, index),
      broadcastId: broadcast.id,
      index,
      recipientIds: recipientIds.sort(),
      sending: [],
      state: 'open',
      pass: 0,
      generation: broadcast.generation,
      leaseOwner: null,
      leaseUntil: 0,
      counts: { queued: recipientIds.length },
    };
    const { created } = await createIfMissing(store, BATCHES_CONTAINER, batch);
    if (!created) await addMissingRecipients(store, batch.id, recipientIds);
  });

  const startedAt = clock.now();
  await updateDocument<Broadcast>(store, BROADCASTS_CONTAINER, broadcast.id, (current) =>
    current.status !== 'preparing'
      ? undefined
      : {
          ...current,
          status: 'sending',
          recipients: recipients.length,
          notInstalled,
          startedAt: startedAt.getTime(),
          leaseOwner: null,
          leaseUntil: 0,
          updatedAt: startedAt.toISOString(),
        },
  );
}

/** The batch count of the first prepare wins, so that every prepare assigns alike. */
async function fixBatchCount(store: Store, broadcastId: string, wanted: number): Promise<number> {
  const updated = await updateDocument<Broadcast>(store, BROADCASTS_CONTAINER, broadcastId, (b) =>
    b.batchCount === undefined ? { ...b, batchCount: Math.max(1, wanted) } : undefined,
  );
  if (!updated) throw new Error(`broadcast ${broadcastId} vanished while it was prepared`);
  return updated.doc.batchCount ?? 1;
}

function deliveryOf(
  broadcastId: string,
  recipient: Recipient,
  batch: number,
  now: string,
): Delivery {
  return {
    id: deliveryIdOf(broadcastId, recipient.recipientId),
    broadcastId,
    recipientId: recipient.recipientId,
    ...(recipient.aadObjectId && { aadObjectId: recipient.aadObjectId }),
    batch,
    language: recipient.language,
    ...(recipient.conversation && { conversation: recipient.conversation }),
    status: recipient.conversation ? 'queued' : 'not-installed',
    failures: 0,
    throttles: 0,
    updatedAt: now,
  };
}

/** A repeated prepare found recipients the first one had not listed yet: add and reopen. */
async function addMissingRecipients(
  store: Store,
  batchId: string,
  recipientIds: string[],
): Promise<void> {
  await updateDocument<DeliveryBatch>(store, BATCHES_CONTAINER, batchId, (batch) => {
    const listed = new Set(batch.recipientIds);
    const missing = recipientIds.filter((id) => !listed.has(id));
    if (missing.length === 0) return undefined;
    return {
      ...batch,
      recipientIds: [...batch.recipientIds, ...missing].sort(),
      state: 'open',
      pass: batch.pass + 1,
    };
  });
}
