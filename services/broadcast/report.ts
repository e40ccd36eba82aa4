import { systemClock, type Clock } from '../clock';
import { queryAll, type Store } from '../storage';
import {
  BATCHES_CONTAINER,
  BROADCASTS_CONTAINER,
  DELIVERIES_CONTAINER,
  READS_CONTAINER,
  type Broadcast,
  type BroadcastRead,
  type BroadcastStatus,
  type Delivery,
  type DeliveryBatch,
  type DeliveryCounts,
} from './model';

/** The live delivery report of one broadcast. */
export interface DeliveryReport {
  broadcastId: string;
  title: string;
  status: BroadcastStatus;
  revision: number;
  recalled: boolean;
  /** Everyone in the audience (known once prepared). */
  recipients: number;
  sent: number;
  /** Not yet answered by Teams: queued (or under way) or waiting for a retry. */
  pending: number;
  failed: number;
  blocked: number;
  notInstalled: number;
  /** Recall: cards deleted, and deliveries cancelled before they went out. */
  recalledCards: number;
  cancelled: number;
  /** Delivered cards an edit or recall still has to reach / could not reach. */
  changing: number;
  changeFailed: number;
  /** "Gelesen" clicks. */
  acknowledged: number;
  /** Deliveries answered per second since sending began (0 before). */
  ratePerSecond: number;
  /** At that rate; null when nothing is pending or no rate is known yet. */
  secondsLeft: number | null;
  startedAt?: string;
  completedAt?: string;
}

/**
 * Reads reports from the store: counts from the batches (each worker publishes its batch's
 * counts while it holds it), so a report costs one query per hundred recipients, not one
 * read per recipient.
 */
export class DeliveryReports {
  private readonly clock: Clock;

  constructor(
    private readonly store: Store,
    clock?: Clock,
  ) {
    this.clock = clock ?? systemClock;
  }

  async report(broadcastId: string): Promise<DeliveryReport | undefined> {
    const broadcast = await this.store.get<Broadcast>(BROADCASTS_CONTAINER, broadcastId);
    if (!broadcast) return undefined;
    const counts: DeliveryCounts = {};
    for await (const batch of queryAll<DeliveryBatch>(this.store, BATCHES_CONTAINER, {
      where: [{ field: 'broadcastId', op: '=', value: broadcastId }],
      limit: 500,
    })) {
      for (const [key, value] of Object.entries(batch.counts)) {
        const name = key as keyof DeliveryCounts;
        counts[name] = (counts[name] ?? 0) + (value ?? 0);
      }
    }
    const acknowledged = await this.countReads(broadcastId);
    return summarise(broadcast, counts, acknowledged, this.clock.now().getTime());
  }

  /**
   * One line per recipient, for Excel (semicolon, UTF-8 with BOM). No message text; names
   * only when `nameOf` is given (the caller's directory).
   */
  async csv(
    broadcastId: string,
    nameOf?: (aadObjectId: string) => Promise<string | undefined>,
  ): Promise<string> {
    const reads = new Map<string, string>();
    for await (const read of queryAll<BroadcastRead>(this.store, READS_CONTAINER, {
      where: [{ field: 'broadcastId', op: '=', value: broadcastId }],
      limit: 1000,
    })) {
      reads.set(read.recipientId, read.readAt);
    }
    const lines = [
      ['Empfänger', 'Name', 'Entra-ID', 'Status', 'Versuche', 'Fehler', 'Gesendet', 'Gelesen'],
    ];
    for await (const delivery of queryAll<Delivery>(this.store, DELIVERIES_CONTAINER, {
      where: [{ field: 'broadcastId', op: '=', value: broadcastId }],
      orderBy: { field: 'recipientId' },
      limit: 1000,
    })) {
      const name = delivery.aadObjectId && nameOf ? await nameOf(delivery.aadObjectId) : undefined;
      lines.push([
        delivery.recipientId,
        name ?? '',
        delivery.aadObjectId ?? '',
        delivery.status,
        String(delivery.failures + delivery.throttles + (delivery.status === 'sent' ? 1 : 0)),
        delivery.lastError ?? '',
        delivery.sentAt ?? '',
        reads.get(delivery.recipientId) ?? '',
      ]);
    }
    return '\uFEFF' + lines.map((line) => line.map(csvField).join(';')).join('\r\n') + '\r\n';
  }

  private async countReads(broadcastId: string): Promise<number> {
    let count = 0;
    for await (const _read of queryAll(this.store, READS_CONTAINER, {
      where: [{ field: 'broadcastId', op: '=', value: broadcastId }],
      limit: 1000,
    })) {
      count += 1;
    }
    return count;
  }
}

/** The report from the summed batch counts (pure). */
export function summarise(
  broadcast: Broadcast,
  counts: DeliveryCounts,
  acknowledged: number,
  now: number,
): DeliveryReport {
  const n = (key: keyof DeliveryCounts) => counts[key] ?? 0;
  const pending = n('queued') + n('retrying');
  const inBatches = Object.entries(counts)
    .filter(([key]) => key !== 'changing' && key !== 'changeFailed')
    .reduce((sum, [, value]) => sum + (value ?? 0), 0);
  const answered = inBatches - pending;
  const elapsedSeconds = broadcast.startedAt ? (now - broadcast.startedAt) / 1000 : 0;
  const ratePerSecond = elapsedSeconds > 0 ? answered / elapsedSeconds : 0;
  return {
    broadcastId: broadcast.id,
    title: broadcast.title,
    status: broadcast.status,
    revision: broadcast.revision,
    recalled: broadcast.recalledAt !== undefined,
    recipients: broadcast.recipients ?? 0,
    sent: n('sent'),
    pending,
    failed: n('failed'),
    blocked: n('blocked'),
    notInstalled: n('not-installed') + (broadcast.notInstalled ?? 0),
    recalledCards: n('recalled'),
    cancelled: n('cancelled'),
    changing: n('changing'),
    changeFailed: n('changeFailed'),
    acknowledged,
    ratePerSecond: Math.round(ratePerSecond * 10) / 10,
    secondsLeft: pending > 0 && ratePerSecond > 0 ? Math.ceil(pending / ratePerSecond) : null,
    ...(broadcast.startedAt && { startedAt: new Date(broadcast.startedAt).toISOString() }),
    ...(broadcast.completedAt && { completedAt: broadcast.completedAt }),
  };
}

/** Quotes when needed; a leading = + - @ is defused so that Excel does not run it. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
