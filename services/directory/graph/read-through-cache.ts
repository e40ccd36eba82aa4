import { LRUCache } from 'lru-cache';

export interface ReadThroughCacheOptions {
  max: number;
  ttlMs: number;
  /** Serve the last value when loading it again fails (it is kept past its TTL for that). */
  keepLastKnown?: boolean;
}

/**
 * A bounded TTL cache that loads missing values itself, once per key even when many ask
 * at the same time. (lru-cache's own fetch cannot be filled from inside a load, which the
 * Graph adapter does: one batch answers for a user and their manager.)
 */
export class ReadThroughCache<V extends NonNullable<unknown>> {
  private readonly cache: LRUCache<string, V>;
  private readonly loading = new Map<string, Promise<V>>();
  private readonly keepLastKnown: boolean;

  constructor(options: ReadThroughCacheOptions) {
    this.keepLastKnown = options.keepLastKnown ?? false;
    this.cache = new LRUCache({
      max: options.max,
      ttl: options.ttlMs,
      noDeleteOnStaleGet: this.keepLastKnown,
    });
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return Promise.resolve(cached);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.load(key, load);
      this.loading.set(key, pending);
    }
    return pending;
  }

  set(key: string, value: V): void {
    this.cache.set(key, value);
  }

  private async load(key: string, load: () => Promise<V>): Promise<V> {
    try {
      const value = await load();
      this.cache.set(key, value);
      return value;
    } catch (error) {
      const lastKnown = this.keepLastKnown ? this.cache.get(key, { allowStale: true }) : undefined;
      if (lastKnown === undefined) throw error;
      return lastKnown;
    } finally {
      this.loading.delete(key);
    }
  }
}
