import { ManagedIdentityCredential } from '@azure/identity';
import type { StoreConfig } from '../services/config';
import { createStore, type Store } from '../services/storage';

/** The configured store: the SQLite file, or Cosmos DB with a key or the managed identity. */
export function storeFromConfig(config: StoreConfig): Store {
  if (config.kind === 'sqlite') return createStore(config);
  return createStore({
    kind: 'cosmos',
    endpoint: config.endpoint,
    database: config.database,
    key: config.key,
    credential:
      config.managedIdentity &&
      new ManagedIdentityCredential({ clientId: config.managedIdentity.clientId }),
  });
}
