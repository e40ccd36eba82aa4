/**
 * The knowledge base in the store: one document per entry, plus a version document that
 * changes with every import so that every running instance knows when to rebuild its index.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { queryAll, StoreConflictError, updateDocument, type Doc, type Store } from '../storage';
import type { KnowledgeEntry } from './model';

export const KNOWLEDGE_CONTAINER = 'knowledge';
export const KNOWLEDGE_META_CONTAINER = 'knowledge-meta';
const VERSION_ID = 'version';

interface VersionDoc extends Doc {
  version: string;
  entries: number;
  updatedAt: string;
}

type StoredEntry = KnowledgeEntry & Doc;

export class KnowledgeRepository {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async loadAll(): Promise<KnowledgeEntry[]> {
    const entries: KnowledgeEntry[] = [];
    for await (const stored of queryAll<StoredEntry>(this.store, KNOWLEDGE_CONTAINER)) {
      const { etag: _etag, ...entry } = stored;
      entries.push(entry);
    }
    return entries.sort((a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id));
  }

  /** Changes whenever the entries change; undefined before the first import. */
  async version(): Promise<string | undefined> {
    return (await this.store.get<VersionDoc>(KNOWLEDGE_META_CONTAINER, VERSION_ID))?.version;
  }

  /**
   * Makes the stored entries exactly `entries`: writes new and changed ones, removes the
   * rest, then publishes a new version. The file was validated as a whole before; if the
   * process dies half-way, running the import again completes it.
   */
  async replaceAll(
    entries: readonly KnowledgeEntry[],
  ): Promise<{ written: number; removed: number }> {
    const current = new Map((await this.loadAll()).map((entry) => [entry.id, entry]));
    let written = 0;
    for (const entry of entries) {
      const existing = current.get(entry.id);
      current.delete(entry.id);
      if (existing && JSON.stringify(existing) === JSON.stringify(entry)) continue;
      await this.put(entry);
      written += 1;
    }
    for (const id of current.keys()) await this.store.delete(KNOWLEDGE_CONTAINER, id);
    await this.publish(entries.length);
    return { written, removed: current.size };
  }

  /** Changes one entry (read-modify-write) and publishes a new version; false if it is gone. */
  async updateEntry(
    id: string,
    change: (entry: KnowledgeEntry) => KnowledgeEntry,
  ): Promise<boolean> {
    const updated = await updateDocument<StoredEntry>(
      this.store,
      KNOWLEDGE_CONTAINER,
      id,
      (current) => {
        const { etag: _etag, ...entry } = current;
        return change(entry);
      },
    );
    if (!updated) return false;
    await this.publish((await this.loadAll()).length);
    return true;
  }

  /**
   * Adds a new entry under the next free numeric id (QnA Maker ids are numbers). Two
   * concurrent additions cannot take the same id: creating an existing id conflicts.
   */
  async addEntry(entry: Omit<KnowledgeEntry, 'id'>): Promise<string> {
    let next = (await this.loadAll()).reduce((max, e) => Math.max(max, Number(e.id) || 0), 0) + 1;
    for (;;) {
      try {
        await this.store.create<StoredEntry>(KNOWLEDGE_CONTAINER, { ...entry, id: String(next) });
        break;
      } catch (error) {
        if (!(error instanceof StoreConflictError)) throw error;
        next += 1;
      }
    }
    await this.publish((await this.loadAll()).length);
    return String(next);
  }

  /** First start: load the shipped knowledge base when the store has none. */
  async seedIfEmpty(entries: readonly KnowledgeEntry[]): Promise<boolean> {
    if ((await this.version()) !== undefined) return false;
    await this.replaceAll(entries);
    return true;
  }

  private async put(entry: KnowledgeEntry): Promise<void> {
    const existing = await this.store.get<StoredEntry>(KNOWLEDGE_CONTAINER, entry.id);
    if (existing) await this.store.replace(KNOWLEDGE_CONTAINER, entry, existing.etag);
    else await this.store.create(KNOWLEDGE_CONTAINER, entry);
  }

  private async publish(count: number): Promise<void> {
    const doc: VersionDoc = {
      id: VERSION_ID,
      version: randomUUID(),
      entries: count,
      updatedAt: this.clock.now().toISOString(),
    };
    const existing = await this.store.get<VersionDoc>(KNOWLEDGE_META_CONTAINER, VERSION_ID);
    if (existing) await this.store.replace(KNOWLEDGE_META_CONTAINER, doc, existing.etag);
    else await this.store.create(KNOWLEDGE_META_CONTAINER, doc);
  }
}
