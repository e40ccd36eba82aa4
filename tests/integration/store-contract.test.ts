import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CosmosStore,
  SqliteStore,
  StoreConflictError,
  createIfMissing,
  queryAll,
  updateDocument,
  type Condition,
  type Doc,
  type QueryOptions,
  type Store,
} from '../../services/storage';
import { startCosmosServer } from '../support/cosmos-server';

/** The Store port's contract: every adapter must pass the same suite. */

interface Subject {
  store: Store;
  dispose(): Promise<void>;
}

const subjects: [string, () => Promise<Subject>][] = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'store-contract-'));
      const store = new SqliteStore({
        path: join(dir, 'nested', 'store.db'),
        // Queries must mean the same whether or not an index serves them.
        indexes: { tickets: ['status', 'unit.code'], paged: ['group'] },
      });
      return {
        store,
        async dispose() {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    'Cosmos',
    async () => {
      const server = await startCosmosServer();
      const store = new CosmosStore({
        endpoint: server.endpoint,
        key: server.key,
        database: 'contract',
        enableEndpointDiscovery: false,
      });
      return {
        store,
        async dispose() {
          await store.close();
          await server.stop();
        },
      };
    },
  ],
];

interface Ticket extends Doc {
  status?: string | number;
  priority?: number | string;
  unit?: { code?: string };
  urgent?: boolean;
  claimedBy?: string | null;
  counter?: number;
}

const ticketFixtures: Ticket[] = [
  { id: 't1', status: 'open', priority: 2, unit: { code: 'A1' }, urgent: true, claimedBy: null },
  {
    id: 't2',
    status: 'claimed',
    priority: 5,
    unit: { code: 'B2' },
    urgent: false,
    claimedBy: 'u1',
  },
  { id: 't3', status: 'open', priority: 7.5, unit: { code: 'A1' }, urgent: false, claimedBy: 'u2' },
  { id: 't4', status: 'closed', priority: 1, unit: { code: 'C3' }, claimedBy: null },
  { id: 't5', status: 'open', unit: {} },
  { id: 't6', status: 7, priority: '3' },
];

async function all<T extends Doc>(store: Store, container: string, options: QueryOptions = {}) {
  const found = [];
  for await (const doc of queryAll<T>(store, container, options)) found.push(doc);
  return found;
}

describe.each(subjects)('the %s store', (_name, open) => {
  let subject: Subject;
  let store: Store;
  let containers = 0;
  /** Each test writes to a container of its own, so tests cannot see each other's documents. */
  const freshContainer = () => `c${++containers}`;

  beforeAll(async () => {
    subject = await open();
    store = subject.store;
  });
  afterAll(() => subject.dispose());

  describe('single documents', () => {
    it('returns undefined for a document that does not exist', async () => {
      expect(await store.get(freshContainer(), 'nothing')).toBeUndefined();
    });

    it('reads back a created document with its etag and nothing else', async () => {
      const container = freshContainer();
      const doc = { id: 'd1', title: 'Hilfe', nested: { list: [1, 'zwei'], none: null } };
      const created = await store.create(container, doc);
      expect(created).toEqual({ ...doc, etag: expect.any(String) });
      expect(await store.get(container, 'd1')).toEqual(created);
    });

    it('refuses to create a document whose id is taken, keeping the first', async () => {
      const container = freshContainer();
      await store.create(container, { id: 'd1', version: 1 });
      await expect(store.create(container, { id: 'd1', version: 2 })).rejects.toBeInstanceOf(
        StoreConflictError,
      );
      expect(await store.get(container, 'd1')).toMatchObject({ version: 1 });
    });

    it('does not store an etag given with the document', async () => {
      const container = freshContainer();
      const created = await store.create(container, { id: 'd1', etag: 'forged' });
      expect(created.etag).not.toBe('forged');
      expect((await store.get(container, 'd1'))?.etag).toBe(created.etag);
    });

    it('replaces a document given its current etag and hands out a new etag', async () => {
      const container = freshContainer();
      const created = await store.create(container, { id: 'd1', status: 'open' });
      const replaced = await store.replace(
        container,
        { id: 'd1', status: 'claimed' },
        created.etag,
      );
      expect(replaced.etag).not.toBe(created.etag);
      expect(await store.get(container, 'd1')).toEqual({
        id: 'd1',
        status: 'claimed',
        etag: replaced.etag,
      });
    });

    it('refuses a replace with a stale etag and keeps the newer version', async () => {
      const container = freshContainer();
      const created = await store.create(container, { id: 'd1', status: 'open' });
      await store.replace(container, { id: 'd1', status: 'claimed' }, created.etag);
      await expect(
        store.replace(container, { id: 'd1', status: 'closed' }, created.etag),
      ).rejects.toBeInstanceOf(StoreConflictError);
      expect(await store.get(container, 'd1')).toMatchObject({ status: 'claimed' });
    });

    it('treats a replace of a deleted document as a conflict', async () => {
      const container = freshContainer();
      const created = await store.create(container, { id: 'd1' });
      await store.delete(container, 'd1');
      await expect(store.replace(container, { id: 'd1' }, created.etag)).rejects.toBeInstanceOf(
        StoreConflictError,
      );
      expect(await store.get(container, 'd1')).toBeUndefined();
    });

    it('deletes without an etag and reports whether there was something to delete', async () => {
      const container = freshContainer();
      await store.create(container, { id: 'd1' });
      expect(await store.delete(container, 'd1')).toBe(true);
      expect(await store.get(container, 'd1')).toBeUndefined();
      expect(await store.delete(container, 'd1')).toBe(false);
    });

    it('deletes with an etag only while it is current', async () => {
      const container = freshContainer();
      const created = await store.create(container, { id: 'd1', n: 1 });
      const replaced = await store.replace(container, { id: 'd1', n: 2 }, created.etag);
      await expect(store.delete(container, 'd1', created.etag)).rejects.toBeInstanceOf(
        StoreConflictError,
      );
      expect(await store.get(container, 'd1')).toMatchObject({ n: 2 });
      expect(await store.delete(container, 'd1', replaced.etag)).toBe(true);
      expect(await store.delete(container, 'd1', replaced.etag)).toBe(false);
    });

    it('keeps containers apart', async () => {
      const [first, second] = [freshContainer(), freshContainer()];
      await store.create(first, { id: 'same', owner: 'first' });
      await store.create(second, { id: 'same', owner: 'second' });
      await store.delete(first, 'same');
      expect(await store.get(second, 'same')).toMatchObject({ owner: 'second' });
      expect((await store.query(first)).items).toEqual([]);
      expect((await store.query(second)).items.map((doc) => doc.id)).toEqual(['same']);
    });

    it.each([
      ['an id with a slash', (s: Store) => s.create('tickets', { id: 'a/b' })],
      ['an empty id', (s: Store) => s.get('tickets', '')],
      ['a container name with a space', (s: Store) => s.get('my tickets', 'x')],
      [
        'a field path that is not a chain of identifiers',
        (s: Store) => s.query('tickets', { where: [{ field: 'a..b', op: '=', value: 1 }] }),
      ],
      [
        'an ordering comparison with null',
        (s: Store) => s.query('tickets', { where: [{ field: 'a', op: '<', value: null }] }),
      ],
      ['a page size above 1000', (s: Store) => s.query('tickets', { limit: 1001 })],
    ])('rejects %s as Cosmos DB would', async (_case, call) => {
      await expect(call(store)).rejects.toBeInstanceOf(TypeError);
    });

    it('reports itself healthy', async () => {
      expect(await store.health()).toMatchObject({ ok: true, kind: _name.toLowerCase() });
    });
  });

  describe('queries', () => {
    const container = 'tickets';
    beforeAll(async () => {
      await Promise.all(ticketFixtures.map((ticket) => store.create(container, ticket)));
    });

    const ids = async (options: QueryOptions) =>
      (await all<Ticket>(store, container, options)).map((doc) => doc.id).sort();

    it.each<[string, Condition[], string[]]>([
      ['= on a string', [{ field: 'status', op: '=', value: 'open' }], ['t1', 't3', 't5']],
      [
        '!= skipping missing fields and other types',
        [{ field: 'status', op: '!=', value: 'open' }],
        ['t2', 't4'],
      ],
      ['< on numbers', [{ field: 'priority', op: '<', value: 5 }], ['t1', 't4']],
      ['<= on numbers', [{ field: 'priority', op: '<=', value: 5 }], ['t1', 't2', 't4']],
      ['> on numbers only', [{ field: 'priority', op: '>', value: 2 }], ['t2', 't3']],
      ['>= on a fraction', [{ field: 'priority', op: '>=', value: 7.5 }], ['t3']],
      ['< on strings', [{ field: 'status', op: '<', value: 'd' }], ['t2', 't4']],
      ['a dotted path', [{ field: 'unit.code', op: '=', value: 'A1' }], ['t1', 't3']],
      ['= true', [{ field: 'urgent', op: '=', value: true }], ['t1']],
      ['= false', [{ field: 'urgent', op: '=', value: false }], ['t2', 't3']],
      ['= null', [{ field: 'claimedBy', op: '=', value: null }], ['t1', 't4']],
      ['!= null', [{ field: 'claimedBy', op: '!=', value: null }], ['t2', 't3']],
      [
        'several conditions at once',
        [
          { field: 'status', op: '=', value: 'open' },
          { field: 'priority', op: '>', value: 1 },
        ],
        ['t1', 't3'],
      ],
      ['a field nobody has', [{ field: 'missing.field', op: '=', value: 'x' }], []],
    ])('filters with %s', async (_case, where, expected) => {
      expect(await ids({ where })).toEqual(expected);
    });

    it('returns everything without conditions', async () => {
      expect(await ids({})).toEqual(ticketFixtures.map((ticket) => ticket.id));
    });

    it('orders ascending, numbers before strings, leaving out documents without the field', async () => {
      const found = await all<Ticket>(store, container, { orderBy: { field: 'priority' } });
      expect(found.map((doc) => doc.id)).toEqual(['t4', 't1', 't2', 't3', 't6']);
    });

    it('orders descending', async () => {
      const found = await all<Ticket>(store, container, {
        orderBy: { field: 'priority', direction: 'desc' },
      });
      expect(found.map((doc) => doc.id)).toEqual(['t6', 't3', 't2', 't1', 't4']);
    });

    it('orders by a dotted path, null before strings, and filters at the same time', async () => {
      const byCode = await all<Ticket>(store, container, { orderBy: { field: 'unit.code' } });
      expect(byCode.map((doc) => doc.unit?.code)).toEqual(['A1', 'A1', 'B2', 'C3']);
      const byClaim = await all<Ticket>(store, container, {
        where: [{ field: 'status', op: '!=', value: 'open' }],
        orderBy: { field: 'claimedBy', direction: 'desc' },
      });
      expect(byClaim.map((doc) => doc.claimedBy)).toEqual(['u1', null]);
    });
  });

  describe('paging', () => {
    const container = 'paged';
    const total = 250;
    beforeAll(async () => {
      const docs = Array.from({ length: total }, (_, i) => ({ id: `p${i}`, group: i % 40 }));
      for (let start = 0; start < total; start += 50) {
        await Promise.all(docs.slice(start, start + 50).map((doc) => store.create(container, doc)));
      }
    });

    async function pages(options: QueryOptions) {
      const result = [];
      let continuation: string | undefined;
      do {
        const page = await store.query<Doc & { group: number }>(container, {
          ...options,
          continuation,
        });
        result.push(page.items);
        continuation = page.continuation;
      } while (continuation);
      return result;
    }

    it.each<[string, QueryOptions['orderBy']]>([
      ['unordered', undefined],
      ['ordered by a field with many ties', { field: 'group', direction: 'desc' }],
    ])('returns each document exactly once, %s', async (_case, orderBy) => {
      const result = await pages({ limit: 100, orderBy });
      expect(result.every((page) => page.length <= 100)).toBe(true);
      const ids = result.flat().map((doc) => doc.id);
      expect(new Set(ids).size).toBe(total);
      expect(ids).toHaveLength(total);
      if (orderBy) {
        const groups = result.flat().map((doc) => doc.group);
        expect(groups).toEqual([...groups].sort((a, b) => b - a));
      }
    });

    it('ends without a continuation on a container with no match', async () => {
      const page = await store.query(container, {
        where: [{ field: 'group', op: '>', value: 1000 }],
      });
      expect(page).toEqual({ items: [] });
    });
  });

  describe('concurrency', () => {
    it('lets exactly one of 20 concurrent replaces with the same etag win', async () => {
      const container = freshContainer();
      const created = await store.create(container, { id: 'contended', writer: -1 });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, writer) =>
          store.replace(container, { id: 'contended', writer }, created.etag),
        ),
      );
      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      expect(lost.every((outcome) => outcome.reason instanceof StoreConflictError)).toBe(true);
      expect(await store.get(container, 'contended')).toEqual(won[0]?.value);
    });

    it('counts 20 concurrent increments through updateDocument', async () => {
      const container = freshContainer();
      await store.create<Ticket>(container, { id: 'counter', counter: 0 });
      await Promise.all(
        Array.from({ length: 20 }, () =>
          updateDocument<Ticket>(store, container, 'counter', (doc) => ({
            ...doc,
            counter: (doc.counter ?? 0) + 1,
          })),
        ),
      );
      expect(await store.get(container, 'counter')).toMatchObject({ counter: 20 });
    });

    it('leaves a document alone when the mutation declines, and reports a missing one', async () => {
      const container = freshContainer();
      const created = await store.create<Ticket>(container, { id: 'd1', status: 'claimed' });
      const declined = await updateDocument<Ticket>(store, container, 'd1', (doc) =>
        doc.status === 'open' ? { ...doc, status: 'claimed' } : undefined,
      );
      expect(declined).toEqual({ doc: created, changed: false });
      expect(await updateDocument(store, container, 'gone', (doc) => doc)).toBeUndefined();
    });

    it('creates a document only once when asked twice', async () => {
      const container = freshContainer();
      const first = await createIfMissing(store, container, { id: 'job', runAt: 'morning' });
      const second = await createIfMissing(store, container, { id: 'job', runAt: 'evening' });
      expect(first.created).toBe(true);
      expect(second).toEqual({ doc: first.doc, created: false });
    });
  });
});
