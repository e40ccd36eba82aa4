import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  Audiences,
  BATCHES_CONTAINER,
  Broadcasts,
  DELIVERIES_CONTAINER,
  FINAL_STATUSES,
  type Delivery,
  type DeliveryBatch,
} from '../../services/broadcast';
import { queryAll, SqliteStore } from '../../services/storage';
import { ConnectorDouble } from '../support/connector-double';
import {
  announceToAll,
  installUsers,
  sendsByConversation,
} from '../fixtures/broadcast/pipeline-setup';

const workerScript = join(__dirname, '../fixtures/broadcast/worker-process.ts');

/** A send worker as its own process on the store file (`tests/fixtures/broadcast/worker-process.ts`). */
function startWorker(path: string, env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    ['--import', pathToFileURL(require.resolve('tsx')).href, workerScript, path],
    {
      env: {
        ...process.env,
        BROADCAST_RPS: '400',
        BROADCAST_POLL_MS: '20',
        BROADCAST_LEASE_MS: '1000',
        BROADCAST_HEARTBEAT_MS: '100',
        BROADCAST_RETRY_BASE_MS: '5',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

async function exitOf(
  child: ChildProcess,
): Promise<{ code: number | null; output: string; errors: string }> {
  let output = '';
  let errors = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output, errors };
}

describe('send workers in separate processes on one store', () => {
  let double: ConnectorDouble;
  let dir: string;
  beforeAll(async () => {
    double = await new ConnectorDouble().start();
    dir = mkdtempSync(join(tmpdir(), 'broadcast-workers-'));
  });
  afterAll(async () => {
    await double.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => double.clear());

  async function prepared(
    name: string,
    users: number,
  ): Promise<{ path: string; store: SqliteStore }> {
    const path = join(dir, `${name}.db`);
    const store = new SqliteStore({ path });
    await installUsers(store, double, users);
    await announceToAll(
      new Broadcasts({ store, audiences: new Audiences(store), approvalThreshold: users }),
    );
    return { path, store };
  }

  async function all<T extends { id: string }>(
    store: SqliteStore,
    container: string,
  ): Promise<T[]> {
    const found: T[] = [];
    for await (const doc of queryAll<T>(store, container, { limit: 1000 })) found.push(doc);
    return found;
  }

  it('finishes after kill -9 and a restart, sending twice only what was under way', async () => {
    const { path, store } = await prepared('killed', 600);
    const first = startWorker(path, {});
    const firstExit = exitOf(first);
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (sendsByConversation(double).size >= 200 || first.exitCode !== null) {
          clearInterval(timer);
          first.kill('SIGKILL');
          resolve();
        }
      }, 2);
    });
    expect((await firstExit).code).toBeNull();
    const sentBeforeRestart = sendsByConversation(double).size;
    expect(sentBeforeRestart).toBeGreaterThanOrEqual(200);
    expect(sentBeforeRestart).toBeLessThan(600);

    // What the dead worker had recorded as under way: the only possible duplicates.
    const deliveries = new Map(
      (await all<Delivery>(store, DELIVERIES_CONTAINER)).map((d) => [d.recipientId, d]),
    );
    const underWay = new Set(
      (await all<DeliveryBatch>(store, BATCHES_CONTAINER))
        .flatMap((batch) => batch.sending)
        .filter((id) => {
          const status = deliveries.get(id)?.status;
          return status !== 'sent' && !FINAL_STATUSES.has(status ?? 'queued');
        })
        .map((id) => deliveries.get(id)?.conversation?.conversation as { id: string })
        .map((conversation) => conversation.id),
    );

    const second = await exitOf(startWorker(path, { BROADCAST_UNTIL_IDLE: 'true' }));
    expect(second).toMatchObject({ code: 0, errors: '' });

    const sends = sendsByConversation(double);
    const twice = [...sends].filter(([, count]) => count > 1).map(([conversation]) => conversation);
    expect(sends.size).toBe(600);
    expect(twice.filter((conversation) => !underWay.has(conversation))).toEqual([]);
    const statuses = (await all<Delivery>(store, DELIVERIES_CONTAINER)).map((d) => d.status);
    expect(statuses.filter((status) => status !== 'sent')).toEqual([]);
    await store.close();
  }, 60_000);

  it('shares the work between two workers without sending anything twice', async () => {
    const { path, store } = await prepared('shared', 1000);
    // Slow enough (about five seconds) that both have started long before the work is done.
    const [one, two] = await Promise.all(
      ['one', 'two'].map((name) =>
        exitOf(
          startWorker(path, {
            BROADCAST_UNTIL_IDLE: 'true',
            BROADCAST_WORKER_ID: name,
            BROADCAST_RPS: '200',
          }),
        ),
      ),
    );
    for (const worker of [one, two]) {
      expect(worker).toMatchObject({ code: 0, errors: '' });
      const summary = JSON.parse(worker!.output.trim().split('\n').pop() ?? '{}') as {
        requests: number;
      };
      expect(summary.requests).toBeGreaterThan(0);
    }
    const sends = sendsByConversation(double);
    expect(sends.size).toBe(1000);
    expect([...sends.values()].every((count) => count === 1)).toBe(true);
    const statuses = (await all<Delivery>(store, DELIVERIES_CONTAINER)).map((d) => d.status);
    expect(statuses.filter((status) => status !== 'sent')).toEqual([]);
    await store.close();
  }, 60_000);
});
