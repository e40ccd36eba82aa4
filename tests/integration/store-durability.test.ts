import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CosmosStore, SqliteStore, StoreUnavailableError, type Doc } from '../../services/storage';
import { startCosmosServer, type CosmosTestServer } from '../support/cosmos-server';

describe('the SQLite store after the process is killed', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'store-durability-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('still holds every write it acknowledged', async () => {
    const path = join(dir, 'data', 'store.db');
    // `--import tsx` compiles in this process; the tsx CLI would put a second process in between.
    const writer = spawn(
      process.execPath,
      [
        '--import',
        pathToFileURL(require.resolve('tsx')).href,
        join(__dirname, '../fixtures/storage/acknowledged-writer.ts'),
        path,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const acknowledged: number[] = [];
    let errors = '';
    writer.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    writer.stdout.on('data', (chunk: Buffer) => {
      acknowledged.push(...chunk.toString().split('\n').filter(Boolean).map(Number));
      if (acknowledged.length >= 100) writer.kill('SIGKILL');
    });
    const [, signal] = (await once(writer, 'exit')) as [number | null, string | null];
    expect({ signal, errors }).toEqual({ signal: 'SIGKILL', errors: '' });

    const store = new SqliteStore({ path });
    try {
      const missing = [];
      for (const index of acknowledged) {
        const doc = await store.get<Doc & { index: number }>('acknowledged', `doc-${index}`);
        if (doc?.index !== index) missing.push(index);
      }
      expect(missing).toEqual([]);
    } finally {
      await store.close();
    }
  }, 20_000);
});

describe('the Cosmos store when the server goes away', () => {
  let server: CosmosTestServer;
  let store: CosmosStore;
  beforeAll(async () => {
    server = await startCosmosServer();
    store = new CosmosStore({
      endpoint: server.endpoint,
      key: server.key,
      database: 'durability',
      enableEndpointDiscovery: false,
      timeoutMs: 500,
    });
    await store.create('tickets', { id: 'before', status: 'open' });
  });
  afterEach(() => server.restore());
  afterAll(async () => {
    await store.close();
    await server.stop();
  });

  it('reports a refused connection as unavailable, and works again once the server is back', async () => {
    await server.cutOff('refuse');
    await expect(store.get('tickets', 'before')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.create('tickets', { id: 'during' })).rejects.toBeInstanceOf(
      StoreUnavailableError,
    );
    await expect(store.query('tickets')).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.health()).toMatchObject({ ok: false, kind: 'cosmos' });

    await server.restore();
    expect(await store.get('tickets', 'before')).toMatchObject({ status: 'open' });
    expect(await store.create('tickets', { id: 'after' })).toMatchObject({ id: 'after' });
    expect(await store.health()).toMatchObject({ ok: true });
  });

  it('gives up on a server that does not answer instead of hanging', async () => {
    await server.cutOff('hang');
    await expect(store.get('tickets', 'before')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(
      store.replace('tickets', { id: 'before', status: 'claimed' }, 'any'),
    ).rejects.toBeInstanceOf(StoreUnavailableError);

    await server.restore();
    expect(await store.get('tickets', 'before')).toMatchObject({ status: 'open' });
  });

  it('sets up a container first used during an outage once the server is back', async () => {
    await server.cutOff('refuse');
    await expect(store.get('deliveries', 'd1')).rejects.toBeInstanceOf(StoreUnavailableError);
    await server.restore();
    expect(await store.create('deliveries', { id: 'd1' })).toMatchObject({ id: 'd1' });
  });
});
