/**
 * The Store port: a document store with optimistic concurrency.
 *
 * Every document lives in a named container and has an `id` unique within it.
 * Writes that depend on what was read use `replace` with the etag of that read;
 * a mismatch raises `StoreConflictError`, and the caller re-reads and retries
 * (`updateDocument` does exactly that).
 *
 * Portable rules, enforced by both adapters so that data written locally stays valid in
 * Cosmos DB (breaking one is a programming error and throws a `TypeError`):
 * - container names: a letter, then letters, digits or `-`, at most 63 characters;
 * - ids: 1–255 characters, none of `/ \ ? #`;
 * - documents are JSON; the field `etag` is reserved (dropped on write, set on read);
 *   field names starting with `_` belong to Cosmos DB.
 */

export type Scalar = string | number | boolean | null;

export interface Doc {
  id: string;
}

/** A document as read from the store: the stored fields plus the etag of this version. */
export type Stored<T extends Doc> = T & { etag: string };

export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * One condition on a top-level field; dotted paths (`a.b`) reach into nested objects,
 * each segment an identifier (`[A-Za-z_][A-Za-z0-9_]*`).
 *
 * A condition holds only when the field exists and has the JSON type of `value`
 * (string, number, boolean): `status != 'closed'` does not match a document without
 * `status`. With `value: null`, only `=` (field is null) and `!=` (field exists and is
 * not null) are allowed.
 */
export interface Condition {
  field: string;
  op: Operator;
  value: Scalar;
}

export interface QueryOptions {
  /** All conditions must hold. */
  where?: Condition[];
  /**
   * One field only: multi-field ORDER BY is not portable across the adapters.
   * Only documents that have the field are returned (Cosmos-API test servers drop the
   * others, so both adapters do). Mixed types sort null < false < true < numbers < strings.
   */
  orderBy?: { field: string; direction?: 'asc' | 'desc' };
  /** Page size, 1–1000; defaults to 100. */
  limit?: number;
  /** Opaque token from the previous page. */
  continuation?: string;
}

/**
 * Follow `continuation` until it is absent to see every match exactly once. A page may hold
 * fewer than `limit` items even when more follow. Without `orderBy` the order is unspecified.
 */
export interface Page<T extends Doc> {
  items: Stored<T>[];
  /** Present when more items may follow. */
  continuation?: string;
}

export interface StoreHealth {
  ok: boolean;
  kind: 'sqlite' | 'cosmos';
  detail?: string;
}

/**
 * Every method may fail with `StoreUnavailableError` (store unreachable, timed out, busy);
 * containers come into being on first use.
 */
export interface Store {
  /** Undefined when there is no such document. */
  get<T extends Doc>(container: string, id: string): Promise<Stored<T> | undefined>;
  /** Fails with `StoreConflictError` when a document with this id exists. */
  create<T extends Doc>(container: string, doc: T): Promise<Stored<T>>;
  /**
   * Replaces the document only if its current etag is `etag`; else `StoreConflictError`
   * (also when the document has been deleted meanwhile).
   */
  replace<T extends Doc>(container: string, doc: T, etag: string): Promise<Stored<T>>;
  /** Deletes (only if the etag matches, when given). Returns false when there was nothing to delete. */
  delete(container: string, id: string, etag?: string): Promise<boolean>;
  /** One page of the documents matching `options`; see `QueryOptions` and `Page`. */
  query<T extends Doc>(container: string, options?: QueryOptions): Promise<Page<T>>;
  /** Never throws: an unreachable store reports `ok: false` with a reason in `detail`. */
  health(): Promise<StoreHealth>;
  /** Releases connections and file handles; the store is unusable afterwards. */
  close(): Promise<void>;
}

/** The document changed (or appeared) since it was read. */
export class StoreConflictError extends Error {
  constructor(
    readonly container: string,
    readonly id: string,
  ) {
    super(`conflict on ${container}/${id}`);
    this.name = 'StoreConflictError';
  }
}

/** The store cannot be reached; the operation may be retried later. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
