import { setTimeout as sleep } from 'node:timers/promises';
import { StoreConflictError, type Doc, type Store, type Stored } from './store';

export interface RetryOptions {
  /** Attempts in all, the first included; defaults to 10. */
  attempts?: number;
  /** Upper bound of the first pause in ms, doubled on each retry (full jitter); defaults to 5. */
  backoffMs?: number;
}

/**
 * Computes the next version of a document from the current one. It may run several times
 * (once per attempt), so it must be pure: no I/O, no side effects. Returning undefined
 * leaves the document as it is (e.g. the ticket is already claimed).
 */
export type Mutation<T extends Doc> = (current: Stored<T>) => T | undefined;

export interface Updated<T extends Doc> {
  /** The document as stored after the call: the new version, or the current one if skipped. */
  doc: Stored<T>;
  /** False when the mutation returned undefined. */
  changed: boolean;
}

/**
 * Read–modify–write with optimistic concurrency: reads the document, applies `mutate`, and
 * replaces it on condition that nobody wrote in between; on a conflict it starts over, after
 * a short random pause so that competing writers spread out. Every state change of the domain
 * goes through here.
 *
 * Resolves to undefined when the document does not exist. Throws the last
 * `StoreConflictError` when every attempt lost the race, and `StoreUnavailableError` as is.
 */
export async function updateDocument<T extends Doc>(
  store: Store,
  container: string,
  id: string,
  mutate: Mutation<T>,
  options: RetryOptions = {},
): Promise<Updated<T> | undefined> {
  const attempts = options.attempts ?? 10;
  const backoffMs = options.backoffMs ?? 5;
  for (let attempt = 1; ; attempt++) {
    const current = await store.get<T>(container, id);
    if (!current) return undefined;
    const next = mutate(current);
    if (next === undefined) return { doc: current, changed: false };
    if (next.id !== id)
      throw new TypeError(`a mutation must not change the id (${container}/${id})`);
    try {
      return { doc: await store.replace(container, next, current.etag), changed: true };
    } catch (error) {
      if (!(error instanceof StoreConflictError) || attempt >= attempts) throw error;
      await sleep(Math.random() * backoffMs * 2 ** (attempt - 1));
    }
  }
}

/**
 * Creates the document unless one with its id exists, and returns what is stored: for
 * idempotent steps that may be repeated after a crash (a delivery record per recipient,
 * a job with a deterministic id).
 */
export async function createIfMissing<T extends Doc>(
  store: Store,
  container: string,
  doc: T,
): Promise<{ doc: Stored<T>; created: boolean }> {
  // Two rounds suffice unless the document is deleted and re-created in between, repeatedly.
  for (let round = 1; ; round++) {
    try {
      return { doc: await store.create(container, doc), created: true };
    } catch (error) {
      if (!(error instanceof StoreConflictError) || round >= 3) throw error;
    }
    const existing = await store.get<T>(container, doc.id);
    if (existing) return { doc: existing, created: false };
  }
}
