/**
 * Broadcast records that concern one person: their deliveries (with the conversation
 * reference), their "Gelesen" acknowledgements and their place in a delivery batch. The
 * privacy export lists them; erase deletes them and takes the person out of the batches, so
 * that the counts of the report simply lose one recipient. Retention deletes all of them
 * after DELIVERIES_RETENTION_DAYS.
 */
import type { DataSubject, PersonalDataSource } from '../privacy';
import { olderThan, type RetentionRule } from '../retention';
import { queryAll, updateDocument, type Doc, type Store } from '../storage';
import {
  BATCHES_CONTAINER,
  DELIVERIES_CONTAINER,
  READS_CONTAINER,
  batchIdOf,
  type BroadcastRead,
  type Delivery,
  type DeliveryBatch,
} from './model';

export function broadcastPrivacySource(store: Store): PersonalDataSource {
  const records = async <T extends Doc>(container: string, subject: DataSubject) => {
    const found: Array<T & { etag: string }> = [];
    const where = [{ field: 'recipientId', op: '=' as const, value: subject.profileId }];
    for await (const doc of queryAll<T>(store, container, { where })) found.push(doc);
    return found;
  };
  return {
    name: 'Ankündigungen: Zustellungen und Lesebestätigungen',
    export: async (subject) => {
      const deliveries = await records<Delivery>(DELIVERIES_CONTAINER, subject);
      const reads = await records<BroadcastRead>(READS_CONTAINER, subject);
      return [
        ...deliveries.map(({ broadcastId, status, sentAt, updatedAt, language }) => ({
          art: 'Zustellung',
          broadcastId,
          status,
          sentAt,
          updatedAt,
          language,
        })),
        ...reads.map(({ broadcastId, readAt }) => ({ art: 'Gelesen', broadcastId, readAt })),
      ];
    },
    erase: async (subject) => {
      let erased = 0;
      for (const delivery of await records<Delivery>(DELIVERIES_CONTAINER, subject)) {
        if (delivery.batch >= 0) await leaveBatch(store, delivery);
        if (await store.delete(DELIVERIES_CONTAINER, delivery.id)) erased += 1;
      }
      for (const read of await records<BroadcastRead>(READS_CONTAINER, subject)) {
        if (await store.delete(READS_CONTAINER, read.id)) erased += 1;
      }
      return erased;
    },
  };
}

/** Takes the recipient out of the batch that carries their delivery. */
async function leaveBatch(store: Store, delivery: Delivery): Promise<void> {
  const without = (ids: string[]) => ids.filter((id) => id !== delivery.recipientId);
  await updateDocument<DeliveryBatch>(
    store,
    BATCHES_CONTAINER,
    batchIdOf(delivery.broadcastId, delivery.batch),
    (batch) =>
      batch.recipientIds.includes(delivery.recipientId) ||
      batch.sending.includes(delivery.recipientId)
        ? { ...batch, recipientIds: without(batch.recipientIds), sending: without(batch.sending) }
        : undefined,
  );
}

/**
 * Deliveries, finished delivery batches and read acknowledgements older than `days`. Open
 * batches stay: they are work still to do.
 */
export function broadcastRetentionRules(store: Store, days: number): RetentionRule[] {
  return [
    olderThan('Zustellungen', store, DELIVERIES_CONTAINER, 'updatedAt', days),
    olderThan('Zustellpakete', store, BATCHES_CONTAINER, 'countedAt', days, [
      { field: 'state', op: '=', value: 'done' },
    ]),
    olderThan('Lesebestätigungen', store, READS_CONTAINER, 'readAt', days),
  ];
}
