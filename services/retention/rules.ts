import { queryAll, type Condition, type Doc, type Store } from '../storage';

/** One kind of record that must not be kept longer than allowed. */
export interface RetentionRule {
  name: string;
  /** Deletes what is due at `now`; returns how many records went. */
  purge(now: Date): Promise<number>;
}

const DAY_MS = 86_400_000;

/**
 * Records of a container whose time field (ISO string) lies more than `days` before now,
 * optionally only those matching further conditions (e.g. closed tickets).
 */
export function olderThan(
  name: string,
  store: Store,
  container: string,
  timeField: string,
  days: number,
  alsoWhere: Condition[] = [],
): RetentionRule {
  return expiredBy(name, store, container, timeField, days * DAY_MS, alsoWhere);
}

/** Records whose own expiry time (ISO string) has passed. */
export function expired(
  name: string,
  store: Store,
  container: string,
  expiryField: string,
): RetentionRule {
  return expiredBy(name, store, container, expiryField, 0, []);
}

function expiredBy(
  name: string,
  store: Store,
  container: string,
  field: string,
  ageMs: number,
  alsoWhere: Condition[],
): RetentionRule {
  return {
    name,
    purge: async (now) => {
      const cutoff = new Date(now.getTime() - ageMs).toISOString();
      const where: Condition[] = [{ field, op: '<', value: cutoff }, ...alsoWhere];
      // Collect first: deleting while paging could skip records on some stores.
      const due: string[] = [];
      for await (const doc of queryAll<Doc>(store, container, { where })) due.push(doc.id);
      let purged = 0;
      for (const id of due) if (await store.delete(container, id)) purged += 1;
      return purged;
    },
  };
}
