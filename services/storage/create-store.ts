import { CosmosStore, type CosmosStoreOptions } from './cosmos-store';
import { SqliteStore, type SqliteStoreOptions } from './sqlite-store';
import type { Store } from './store';

export type StoreOptions =
  ({ kind: 'sqlite' } & SqliteStoreOptions) | ({ kind: 'cosmos' } & CosmosStoreOptions);

/**
 * The store named by the configuration. Opening a SQLite file happens here (and fails here);
 * Cosmos DB is first contacted by the first call, so check `health()` at start-up.
 */
export function createStore(options: StoreOptions): Store {
  switch (options.kind) {
    case 'sqlite':
      return new SqliteStore(options);
    case 'cosmos':
      return new CosmosStore(options);
  }
}
