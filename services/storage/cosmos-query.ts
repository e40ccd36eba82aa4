import type { SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import { checkCondition, fieldSegments, type CheckedCondition } from './document-rules';
import type { QueryOptions } from './store';

/**
 * Translates `QueryOptions` into parameterised Cosmos DB SQL, staying inside what both
 * Cosmos DB and the Cosmos-API test server understand (no GROUP BY, DISTINCT, OFFSET or
 * multi-field ORDER BY).
 *
 * Every comparison carries a type check (`IS_STRING(x) AND x = @p0`): Cosmos DB yields
 * "undefined" for comparisons across types, the test server yields true for `!=`; with the
 * check both agree with the port's rule that a condition needs a value of the same type.
 */

const TYPE_CHECKS: Record<Exclude<CheckedCondition['type'], 'null'>, string> = {
  string: 'IS_STRING',
  number: 'IS_NUMBER',
  boolean: 'IS_BOOL',
};

/** Bracket notation, so that field names that are SQL keywords (`value`, `order`) work. */
function property(segments: string[]): string {
  return `c${segments.map((segment) => `["${segment}"]`).join('')}`;
}

export function cosmosQuery(options: QueryOptions): SqlQuerySpec {
  const conditions: string[] = [];
  const parameters: SqlParameter[] = [];
  for (const condition of options.where ?? []) {
    conditions.push(conditionSql(checkCondition(condition), parameters));
  }
  let orderBy = '';
  if (options.orderBy) {
    const sorted = property(fieldSegments(options.orderBy.field));
    // Cosmos DB may or may not return documents lacking the field; the port says it does not.
    conditions.push(`IS_DEFINED(${sorted})`);
    orderBy = ` ORDER BY ${sorted} ${options.orderBy.direction === 'desc' ? 'DESC' : 'ASC'}`;
  }
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  return { query: `SELECT * FROM c${where}${orderBy}`, parameters };
}

function conditionSql(condition: CheckedCondition, parameters: SqlParameter[]): string {
  const field = property(condition.segments);
  const { op, value, type } = condition;
  if (type === 'null') {
    return op === '=' ? `IS_NULL(${field})` : `(IS_DEFINED(${field}) AND NOT IS_NULL(${field}))`;
  }
  const name = `@p${parameters.length}`;
  parameters.push({ name, value });
  return `(${TYPE_CHECKS[type]}(${field}) AND ${field} ${op} ${name})`;
}
