import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkContainer, checkId, fieldSegments, writableBody } from './document-rules';
import { continuationAfter, indexedExpression, sqliteQuery, type SqliteRow } from './sqlite-query';
import {
  StoreConflictError,
  StoreUnavailableError,
  type Doc,
  type Page,
  type QueryOptions,
  type Store,
  type StoreHealth,
  type Stored,
} from './store';

export interface SqliteStoreOptions {
  /** Database file (its directory is created when missing), or `:memory:` for tests and eval. */
  path: string;
  /**
   * `full` (default): a write is on disk when acknowledged, surviving power loss.
   * `normal`: survives a crash of the process but not of the machine; faster writes.
   */
  synchronous?: 'full' | 'normal';
  /** How long a write waits for another process (e.g. the admin CLI) holding the file. */
  busyTimeoutMs?: number;
  /** Fields queried often, by container: each gets an expression index. */
  indexes?: Record<string, string[]>;
}

/**
 * One table holds every container: containers then come into being without DDL (as in
 * Cosmos DB), a container name is only ever a bound value (never spliced into SQL), and
 * one schema serves all. The primary key (container, id) serves point reads and id-ordered
 * paging; `indexes` adds expression indexes for fields that queries filter on.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS documents (
    container TEXT NOT NULL,
    id TEXT NOT NULL,
    etag TEXT NOT NULL,
    doc TEXT NOT NULL,
    PRIMARY KEY (container, id)
  );
  PRAGMA user_version = 1;
`;

/** Ad-hoc query shapes are few (one per call site); the bound only guards against misuse. */
const MAX_CACHED_QUERIES = 200;

/** SQLite result codes that mean "try again later" rather than "this call is wrong". */
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|PROTOCOL)/;

/** The embedded adapter: a SQLite file in WAL mode, for local runs and small installations. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly path: string;
  private readonly queries = new Map<string, Database.Statement>();
  private readonly statements: {
    get: Database.Statement<[string, string], { etag: string; doc: string }>;
    insert: Database.Statement<[string, string, string, string]>;
    replace: Database.Statement<[string, string, string, string, string]>;
    delete: Database.Statement<[string, string]>;
    deleteIfMatch: Database.Statement<[string, string, string]>;
    exists: Database.Statement<[string, string], { found: number }>;
  };

  constructor(options: SqliteStoreOptions) {
    this.path = options.path;
    const indexes = indexDefinitions(options.indexes ?? {});
    try {
      if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
      this.db = new Database(options.path, { timeout: options.busyTimeoutMs ?? 5000 });
      this.db.pragma('journal_mode = WAL');
      this.db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
      this.db.exec(SCHEMA);
      for (const index of indexes) this.db.exec(index);
    } catch (error) {
      throw new StoreUnavailableError(`cannot open the SQLite store at ${options.path}`, {
        cause: error,
      });
    }
    this.statements = {
      get: this.db.prepare('SELECT etag, doc FROM documents WHERE container = ? AND id = ?'),
      insert: this.db.prepare(
        'INSERT INTO documents (container, id, etag, doc) VALUES (?, ?, ?, ?) ' +
          'ON CONFLICT (container, id) DO NOTHING',
      ),
      replace: this.db.prepare(
        'UPDATE documents SET etag = ?, doc = ? WHERE container = ? AND id = ? AND etag = ?',
      ),
      delete: this.db.prepare('DELETE FROM documents WHERE container = ? AND id = ?'),
      deleteIfMatch: this.db.prepare(
        'DELETE FROM documents WHERE container = ? AND id = ? AND etag = ?',
      ),
      exists: this.db.prepare('SELECT 1 AS found FROM documents WHERE container = ? AND id = ?'),
    };
  }

  async get<T extends Doc>(container: string, id: string): Promise<Stored<T> | undefined> {
    checkContainer(container);
    checkId(id);
    const row = this.run(() => this.statements.get.get(container, id));
    return row && stored<T>(row.doc, row.etag);
  }

  async create<T extends Doc>(container: string, doc: T): Promise<Stored<T>> {
    checkContainer(container);
    const json = JSON.stringify(writableBody(doc));
    const etag = randomUUID();
    const { changes } = this.run(() => this.statements.insert.run(container, doc.id, etag, json));
    if (changes === 0) throw new StoreConflictError(container, doc.id);
    return stored<T>(json, etag);
  }

  async replace<T extends Doc>(container: string, doc: T, etag: string): Promise<Stored<T>> {
    checkContainer(container);
    const json = JSON.stringify(writableBody(doc));
    const next = randomUUID();
    const { changes } = this.run(() =>
      this.statements.replace.run(next, json, container, doc.id, etag),
    );
    if (changes === 0) throw new StoreConflictError(container, doc.id);
    return stored<T>(json, next);
  }

  async delete(container: string, id: string, etag?: string): Promise<boolean> {
    checkContainer(container);
    checkId(id);
    return this.run(() => {
      if (etag === undefined) return this.statements.delete.run(container, id).changes > 0;
      if (this.statements.deleteIfMatch.run(container, id, etag).changes > 0) return true;
      if (this.statements.exists.get(container, id)) throw new StoreConflictError(container, id);
      return false;
    });
  }

  async query<T extends Doc>(container: string, options: QueryOptions = {}): Promise<Page<T>> {
    checkContainer(container);
    const { sql, params, pageSize } = sqliteQuery(container, options);
    const rows = this.run(() => this.prepared(sql).all(...params) as SqliteRow[]);
    const items = rows.slice(0, pageSize).map((row) => stored<T>(row.doc, row.etag));
    const last = rows[pageSize - 1];
    return rows.length > pageSize && last
      ? { items, continuation: continuationAfter(last) }
      : { items };
  }

  async health(): Promise<StoreHealth> {
    try {
      this.run(() => this.db.prepare('SELECT count(*) FROM sqlite_schema').get());
      return { ok: true, kind: 'sqlite', detail: this.path };
    } catch (error) {
      return { ok: false, kind: 'sqlite', detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private prepared(sql: string): Database.Statement {
    let statement = this.queries.get(sql);
    if (!statement) {
      if (this.queries.size >= MAX_CACHED_QUERIES) {
        const oldest = this.queries.keys().next().value;
        if (oldest !== undefined) this.queries.delete(oldest);
      }
      statement = this.db.prepare(sql);
      this.queries.set(sql, statement);
    }
    return statement;
  }

  /** Runs a synchronous database call, turning "busy / disk trouble" into StoreUnavailableError. */
  private run<R>(call: () => R): R {
    try {
      return call();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) {
        throw new StoreUnavailableError(`SQLite store unavailable (${code})`, { cause: error });
      }
      throw error;
    }
  }
}

function indexDefinitions(indexes: Record<string, string[]>): string[] {
  return Object.entries(indexes).flatMap(([container, fields]) => {
    checkContainer(container);
    return fields.map((field) => {
      const name = `ix:${container}:${fieldSegments(field).join('.')}`;
      return `CREATE INDEX IF NOT EXISTS "${name}" ON documents (container, ${indexedExpression(field)})`;
    });
  });
}

function stored<T extends Doc>(json: string, etag: string): Stored<T> {
  return { ...(JSON.parse(json) as T), etag };
}
