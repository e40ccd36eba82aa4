import { checkCondition, fieldSegments, pageSize, type CheckedCondition } from './document-rules';
import type { QueryOptions } from './store';

/**
 * Translates `QueryOptions` into SQL over the `documents` table (see sqlite-store.ts).
 *
 * Paging is by keyset, not OFFSET: the continuation token holds the sort key of the last row
 * returned, so a page costs the same however deep it is, and documents written meanwhile
 * neither repeat nor skip the ones already paged. The sort key is (type rank, value, id): the
 * rank reproduces Cosmos DB's ordering of mixed types, the id makes the order total.
 */

export type SqliteValue = string | number | null;

export interface SqliteQuery {
  sql: string;
  params: SqliteValue[];
  pageSize: number;
}

/** What the query selects for each document. */
export interface SqliteRow {
  id: string;
  etag: string;
  doc: string;
  rank: number;
  sort_value: SqliteValue;
}

/** JSON paths are inlined (identifier segments only) so that expression indexes can match. */
export function jsonPath(segments: string[]): string {
  return `'$.${segments.join('.')}'`;
}

/** The expression an index on `field` must be built on to serve this module's conditions. */
export function indexedExpression(field: string): string {
  return `json_extract(doc, ${jsonPath(fieldSegments(field))})`;
}

const TYPE_NAMES: Record<Exclude<CheckedCondition['type'], 'null'>, string> = {
  string: `'text'`,
  number: `'integer', 'real'`,
  boolean: `'true', 'false'`,
};

export function sqliteQuery(container: string, options: QueryOptions): SqliteQuery {
  const size = pageSize(options);
  const conditions = ['container = ?'];
  const params: SqliteValue[] = [container];
  for (const condition of options.where ?? []) {
    conditions.push(conditionSql(checkCondition(condition), params));
  }

  const descending = options.orderBy?.direction === 'desc';
  const direction = descending ? 'DESC' : 'ASC';
  const key = options.orderBy ? sortKey(fieldSegments(options.orderBy.field)) : undefined;
  if (key) conditions.push(key.present);

  if (options.continuation !== undefined) {
    const [lastRank, lastValue, lastId] = decodeContinuation(options.continuation);
    const after = descending ? '<' : '>';
    if (key) {
      conditions.push(`(${key.rank}, ${key.value}, id) ${after} (?, ?, ?)`);
      params.push(lastRank, lastValue, lastId);
    } else {
      conditions.push(`id ${after} ?`);
      params.push(lastId);
    }
  }

  params.push(size + 1);
  const sql =
    `SELECT id, etag, doc, ${key?.rank ?? 0} AS rank, ${key?.value ?? 0} AS sort_value ` +
    `FROM documents WHERE ${conditions.join(' AND ')} ORDER BY ` +
    (key ? `rank ${direction}, sort_value ${direction}, ` : '') +
    `id ${direction} LIMIT ?`;
  return { sql, params, pageSize: size };
}

function sortKey(segments: string[]): { rank: string; value: string; present: string } {
  const path = jsonPath(segments);
  return {
    rank:
      `CASE json_type(doc, ${path}) WHEN 'null' THEN 0 WHEN 'false' THEN 1 WHEN 'true' THEN 2 ` +
      `WHEN 'integer' THEN 3 WHEN 'real' THEN 3 WHEN 'text' THEN 4 ELSE 5 END`,
    // Booleans come out as 0/1 and null as NULL; the rank already tells those types apart.
    value: `coalesce(json_extract(doc, ${path}), 0)`,
    present: `json_type(doc, ${path}) IS NOT NULL`,
  };
}

function conditionSql(condition: CheckedCondition, params: SqliteValue[]): string {
  const path = jsonPath(condition.segments);
  const { op, value, type } = condition;
  if (type === 'null') return `json_type(doc, ${path}) ${op} 'null'`;
  params.push(typeof value === 'boolean' ? Number(value) : value);
  return `(json_type(doc, ${path}) IN (${TYPE_NAMES[type]}) AND json_extract(doc, ${path}) ${op} ?)`;
}

export function continuationAfter(row: SqliteRow): string {
  return Buffer.from(JSON.stringify([row.rank, row.sort_value, row.id])).toString('base64url');
}

function decodeContinuation(token: string): [number, SqliteValue, string] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (
    Array.isArray(key) &&
    key.length === 3 &&
    typeof key[0] === 'number' &&
    (key[1] === null || typeof key[1] === 'string' || typeof key[1] === 'number') &&
    typeof key[2] === 'string'
  ) {
    return key as [number, SqliteValue, string];
  }
  throw new TypeError('invalid continuation token');
}
