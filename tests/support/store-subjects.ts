/**
 * Both store adapters as test subjects: a SQLite file in a temp folder and an in-process
 * Cosmos-API server. `open()` gives another handle on the same data, as a second process
 * (instance) would open it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CosmosStore, SqliteStore, type Store } from '../../services/storage';
import { startCosmosServer } from './cosmos-server';

export interface StoreSubject {
  open(): Store;
  dispose(): Promise<void>;
}

function closingAll(open: () => Store, cleanUp: () => Promise<void> | void): StoreSubject {
  const handles: Store[] = [];
  return {
    open: () => {
      const store = open();
      handles.push(store);
      return store;
    },
    dispose: async () => {
      await Promise.all(handles.map((store) => store.close()));
      await cleanUp();
    },
  };
}

export const storeSubjects: Array<[string, (database: string) => Promise<StoreSubject>]> = [
  [
    'SQLite',
    async (database) => {
      const dir = mkdtempSync(join(tmpdir(), `${database}-`));
      return closingAll(
        () => new SqliteStore({ path: join(dir, `${database}.db`) }),
        () => rmSync(dir, { recursive: true, force: true }),
      );
    },
  ],
  [
    'Cosmos',
    async (database) => {
      const server = await startCosmosServer();
      return closingAll(
        () =>
          new CosmosStore({
            endpoint: server.endpoint,
            key: server.key,
            database,
            enableEndpointDiscovery: false,
          }),
        () => server.stop(),
      );
    },
  ],
];
