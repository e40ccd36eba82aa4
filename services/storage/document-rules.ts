import type { Condition, Doc, Operator, QueryOptions, Scalar } from './store';

/**
 * The portable rules of the Store port (see `store.ts`), checked by both adapters alike:
 * a document accepted by the embedded store must be accepted by Cosmos DB, and a query
 * must mean the same on both.
 */

const CONTAINER_NAME = /^[A-Za-z][A-Za-z0-9-]{0,62}$/;
const FORBIDDEN_ID_CHARACTERS = /[/\\?#]/;
const FIELD_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const OPERATORS: ReadonlySet<string> = new Set<Operator>(['=', '!=', '<', '<=', '>', '>=']);
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

export function checkContainer(container: string): void {
  if (typeof container !== 'string' || !CONTAINER_NAME.test(container)) {
    throw new TypeError(`invalid container name: ${JSON.stringify(container)}`);
  }
}

export function checkId(id: string): void {
  if (
    typeof id !== 'string' ||
    id.length === 0 ||
    id.length > 255 ||
    FORBIDDEN_ID_CHARACTERS.test(id)
  ) {
    throw new TypeError(`invalid document id: ${JSON.stringify(id)}`);
  }
}

/** The document as it is written: its id checked, the reserved `etag` left out. */
export function writableBody(doc: Doc): Record<string, unknown> {
  checkId(doc.id);
  const body: Record<string, unknown> = { ...doc };
  delete body.etag;
  return body;
}

/** `a.b` → `['a', 'b']`. Identifier segments only, so adapters may put them into query text. */
export function fieldSegments(field: string): string[] {
  const segments = typeof field === 'string' ? field.split('.') : [];
  if (segments.length === 0 || !segments.every((segment) => FIELD_SEGMENT.test(segment))) {
    throw new TypeError(`invalid field path: ${JSON.stringify(field)}`);
  }
  return segments;
}

export type ValueType = 'null' | 'string' | 'number' | 'boolean';

/** A checked condition: operator known, value of a comparable JSON type. */
export interface CheckedCondition {
  segments: string[];
  op: Operator;
  value: Scalar;
  type: ValueType;
}

export function checkCondition(condition: Condition): CheckedCondition {
  const { field, op, value } = condition;
  const segments = fieldSegments(field);
  if (!OPERATORS.has(op)) throw new TypeError(`invalid operator: ${JSON.stringify(op)}`);
  const type = valueType(value);
  if (type === 'null' && op !== '=' && op !== '!=') {
    throw new TypeError(`null can only be compared with = or != (field ${field})`);
  }
  return { segments, op, value, type };
}

function valueType(value: Scalar): ValueType {
  if (value === null) return 'null';
  if (typeof value === 'number' && Number.isFinite(value)) return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  throw new TypeError(`invalid condition value: ${String(value)}`);
}

export function pageSize(options: QueryOptions): number {
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new TypeError(`invalid page size: ${limit} (1–${MAX_LIMIT})`);
  }
  return limit;
}
