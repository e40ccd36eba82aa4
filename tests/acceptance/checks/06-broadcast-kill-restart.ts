/**
 * An announcement to 400 users through the real bot process against teams-sim with Teams'
 * limits and 2 % injected 5xx; the bot is killed with SIGKILL in the middle of sending and
 * started again. Every user gets the card, none twice except the ones whose request was
 * under way at the kill, and no limit is exceeded (the sim counts instead of throttling).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Audiences,
  BATCHES_CONTAINER,
  BROADCASTS_CONTAINER,
  Broadcasts,
  DELIVERIES_CONTAINER,
  FINAL_STATUSES,
  type Broadcast,
  type Delivery,
  type DeliveryBatch,
} from '../../../services/broadcast';
import { queryAll, SqliteStore } from '../../../services/storage';
import {
  assert,
  simPost,
  startBotProcess,
  startSim,
  type AcceptanceCheck,
  type BotProcess,
} from '../context';
import { until } from '../support/wait';

const USERS = 400;

interface Stats {
  delivered: number;
  duplicates: number;
  limitViolations: number;
  injectedFailures: number;
  perConversation: Record<string, { delivered: number; duplicates: number }>;
}

async function all<T extends { id: string }>(store: SqliteStore, container: string): Promise<T[]> {
  const found: T[] = [];
  for await (const doc of queryAll<T>(store, container, { limit: 1000 })) found.push(doc);
  return found;
}

export const check: AcceptanceCheck = {
  name: 'broadcast to 400 users survives kill -9 of the bot (teams-sim, 2 % faults)',
  async run(log) {
    const dir = mkdtempSync(join(tmpdir(), 'broadcast-acceptance-'));
    const path = join(dir, 'bot.db');
    const sim = await startSim({ globalRps: 0 });
    const env = { SQLITE_PATH: path, LOG_LEVEL: 'error' };
    let bot: BotProcess | undefined = await startBotProcess(env);
    const store = new SqliteStore({ path });
    try {
      const installed = await simPost<{ installed: number }>(sim, '/_sim/install', {
        botUrl: bot.messagesUrl,
        count: USERS,
        concurrency: 16,
      });
      assert(installed.installed === USERS, `installed ${installed.installed} of ${USERS}`);
      sim.configure({ globalRps: 50, failRate: 0.02, throttle: false });
      sim.reset();

      const broadcasts = new Broadcasts({ store, audiences: new Audiences(store) });
      const draft = await broadcasts.create({
        title: 'Abnahme',
        createdBy: 'acceptance-organiser',
        audience: { kind: 'installed' },
        messages: { de: { text: 'Kurs am 3. März – bitte anmelden.' } },
      });
      await broadcasts.submit(draft.id);
      await until(
        'the first 150 deliveries',
        async () => (sim.stats() as unknown as Stats).delivered >= 150,
        60_000,
      );
      await bot.stop('SIGKILL');
      bot = undefined;
      const before = (sim.stats() as unknown as Stats).delivered;

      // What the killed instance had recorded as under way: the only possible duplicates.
      const deliveries = new Map(
        (await all<Delivery>(store, DELIVERIES_CONTAINER)).map((d) => [d.recipientId, d]),
      );
      const underWay = new Set(
        (await all<DeliveryBatch>(store, BATCHES_CONTAINER))
          .flatMap((batch) => batch.sending)
          .map((id) => deliveries.get(id))
          .filter((d) => d !== undefined && d.status !== 'sent' && !FINAL_STATUSES.has(d.status))
          .map((d) => (d?.conversation?.conversation as { id: string }).id),
      );
      log(`killed after ${before} deliveries; ${underWay.size} recorded as under way`);

      // The new instance takes the batches over once the dead one's leases (30 s) ran out.
      bot = await startBotProcess(env);
      await until(
        'the broadcast to complete',
        async () =>
          (await store.get<Broadcast>(BROADCASTS_CONTAINER, draft.id))?.status === 'completed',
        180_000,
      );
      const stats = sim.stats() as unknown as Stats;
      const doubled = Object.entries(stats.perConversation)
        .filter(([, counts]) => counts.duplicates > 0)
        .map(([conversation]) => conversation);
      const received = Object.values(stats.perConversation).filter((c) => c.delivered > 0).length;
      log(
        `delivered ${stats.delivered} (${received} users), duplicates ${stats.duplicates}, ` +
          `5xx ${stats.injectedFailures}, limit violations ${stats.limitViolations}`,
      );
      assert(received === USERS, `${received} of ${USERS} users got the card`);
      assert(stats.limitViolations === 0, `${stats.limitViolations} limit violations`);
      const unexpected = doubled.filter((conversation) => !underWay.has(conversation));
      assert(
        unexpected.length === 0,
        `sent twice although not under way: ${unexpected.join(', ')}`,
      );
      const statuses = (await all<Delivery>(store, DELIVERIES_CONTAINER)).map((d) => d.status);
      assert(
        statuses.every((s) => s === 'sent'),
        `not all sent: ${[...new Set(statuses)]}`,
      );
    } finally {
      await bot?.stop();
      await store.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
