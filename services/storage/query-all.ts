import type { Doc, QueryOptions, Store, Stored } from './store';

/**
 * Every document matching `options`, page by page (`options.limit` sets the page size). Stop
 * iterating early to stop fetching. For jobs that must see all matches: due escalations,
 * pending deliveries, a user's data for export.
 */
export async function* queryAll<T extends Doc>(
  store: Store,
  container: string,
  options: Omit<QueryOptions, 'continuation'> = {},
): AsyncGenerator<Stored<T>> {
  let continuation: string | undefined;
  do {
    const page = await store.query<T>(container, { ...options, continuation });
    yield* page.items;
    continuation = page.continuation;
  } while (continuation !== undefined);
}
