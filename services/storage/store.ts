/**
 * The Store port: a document store with optimistic concurrency.
 *
 * Every document lives in a named container and has an `id` unique within it.
 * Writes that depend on what was read use `replace` with the etag of that read;
 * a mismatch raises `StoreConflictError`, and the caller re-reads and retries.
 */

export type Scalar = string | number | boolean | null;

export interface Doc {
  id: string;
}

/** A document as read from the store: the stored fields plus the etag of this version. */
export type Stored<T extends Doc> = T & { etag: string };

export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** One condition on a top-level field; dotted paths (`a.b`) reach into nested objects. */
export interface Condition {
  field: string;
  op: Operator;
  value: Scalar;
}

export interface QueryOptions {
  /** All conditions must hold. */
  where?: Condition[];
  /** One field only: multi-field ORDER BY is not portable across the adapters. */
  orderBy?: { field: string; direction?: 'asc' | 'desc' };
  /** Page size; defaults to 100. */
  limit?: number;
  /** Opaque token from the previous page. */
  continuation?: string;
}

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

export interface Store {
  get<T extends Doc>(container: string, id: string): Promise<Stored<T> | undefined>;
  /** Fails with `StoreConflictError` when a document with this id exists. */
  create<T extends Doc>(container: string, doc: T): Promise<Stored<T>>;
  /** Replaces the document only if its current etag is `etag`; else `StoreConflictError`. */
  replace<T extends Doc>(container: string, doc: T, etag: string): Promise<Stored<T>>;
  /** Deletes (only if the etag matches, when given). Returns false when there was nothing to delete. */
  delete(container: string, id: string, etag?: string): Promise<boolean>;
  query<T extends Doc>(container: string, options?: QueryOptions): Promise<Page<T>>;
  health(): Promise<StoreHealth>;
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
