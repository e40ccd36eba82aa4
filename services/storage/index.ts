export type {
  Condition,
  Doc,
  Operator,
  Page,
  QueryOptions,
  Scalar,
  Store,
  StoreHealth,
  Stored,
} from './store';
export { StoreConflictError, StoreUnavailableError } from './store';
export { createStore, type StoreOptions } from './create-store';
export { SqliteStore, type SqliteStoreOptions } from './sqlite-store';
export { CosmosStore, type CosmosStoreOptions } from './cosmos-store';
export {
  createIfMissing,
  updateDocument,
  type Mutation,
  type RetryOptions,
  type Updated,
} from './update';
export { queryAll } from './query-all';
