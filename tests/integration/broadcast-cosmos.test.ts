import { Audiences, Broadcasts, DeliveryReports } from '../../services/broadcast';
import { CosmosStore } from '../../services/storage';
import { ConnectorDouble } from '../support/connector-double';
import { startCosmosServer, type CosmosTestServer } from '../support/cosmos-server';
import {
  announceToAll,
  fastWorker,
  installUsers,
  sendsByConversation,
} from '../fixtures/broadcast/pipeline-setup';

describe('the broadcast pipeline on Cosmos DB (Cosmos-API test server)', () => {
  let server: CosmosTestServer;
  let store: CosmosStore;
  let double: ConnectorDouble;

  beforeAll(async () => {
    server = await startCosmosServer();
    store = new CosmosStore({
      endpoint: server.endpoint,
      key: server.key,
      database: 'broadcast',
      enableEndpointDiscovery: false,
    });
    double = await new ConnectorDouble().start();
  });
  afterAll(async () => {
    await store.close();
    await server.stop();
    await double.stop();
  });

  it('sends, reports and recalls with the same queries as on SQLite', async () => {
    await installUsers(store, double, 120);
    const broadcasts = new Broadcasts({ store, audiences: new Audiences(store) });
    const id = await announceToAll(broadcasts);
    double.failNext({ status: 503 }, { status: 429 }, { status: 403 });

    await fastWorker(store, undefined, { batchSize: 25 }).runUntilIdle();
    const sends = sendsByConversation(double);
    expect(sends.size).toBe(119);
    expect([...sends.values()].every((count) => count === 1)).toBe(true);
    const reports = new DeliveryReports(store);
    expect(await reports.report(id)).toMatchObject({
      status: 'completed',
      recipients: 120,
      sent: 119,
      blocked: 1,
      pending: 0,
    });

    await broadcasts.recall(id);
    await fastWorker(store, undefined, { batchSize: 25 }).runUntilIdle();
    expect(double.calls.filter((c) => c.op === 'delete')).toHaveLength(119);
    expect(await reports.report(id)).toMatchObject({ recalled: true, recalledCards: 119 });
  }, 60_000);
});
