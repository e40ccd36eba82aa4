import createHttpsServer from '@vercel/cosmosdb-server';
import type { AddressInfo } from 'node:net';
import { CosmosStore } from '../../../services/storage';

/**
 * One Cosmos-API server (@vercel/cosmosdb-server) that bot processes can share. Over https,
 * because the bot's store keeps the SDK's endpoint discovery on and the server advertises
 * https locations; its certificate is self-signed (and expired), so the bot processes get
 * `NODE_TLS_REJECT_UNAUTHORIZED=0` in `botEnv` and this process trusts it while `store` is
 * open. Only 127.0.0.1 is ever contacted.
 */
export interface SharedCosmos {
  /** Environment that points a bot process at the server. */
  botEnv: Record<string, string>;
  /** The same database, read and written by the check. */
  store: CosmosStore;
  stop(): Promise<void>;
}

export async function startSharedCosmos(database: string): Promise<SharedCosmos> {
  const server = createHttpsServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const previous = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  const store = new CosmosStore({
    endpoint,
    database,
    key: 'test-key',
    enableEndpointDiscovery: false,
  });
  return {
    botEnv: {
      COSMOS_ENDPOINT: endpoint,
      COSMOS_KEY: 'test-key',
      COSMOS_DATABASE: database,
      NODE_TLS_REJECT_UNAUTHORIZED: '0',
    },
    store,
    async stop() {
      await store.close();
      if (previous === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
