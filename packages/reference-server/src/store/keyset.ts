/** One column of an ORDER BY used for keyset (cursor) paging. */
export interface SortKey<Row> {
  /** SQL expression, already qualified, e.g. `l.min_price`. */
  sql: string;
  direction: 'asc' | 'desc';
  /** SQL type the cursor value is cast to. */
  type: 'integer' | 'bigint' | 'numeric' | 'timestamptz' | 'text';
  /** Reads the value from a result row, for the next cursor. */
  read(row: Row): string | number;
}

export type SortValues = (string | number)[];

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** Whether values decoded from a client's cursor fit the keys, so SQL never sees a bad cast. */
export function sortValuesFit<Row>(keys: readonly SortKey<Row>[], values: readonly unknown[]): values is SortValues {
  if (values.length !== keys.length) return false;
  return keys.every((key, i) => {
    const v = values[i];
    switch (key.type) {
      case 'integer':
        return Number.isSafeInteger(v) && Math.abs(v as number) <= 2_147_483_647;
      case 'bigint':
        return Number.isSafeInteger(v);
      case 'numeric':
        return typeof v === 'number' && Number.isFinite(v);
      case 'timestamptz':
        return typeof v === 'string' && TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v));
      case 'text':
        return typeof v === 'string' && v.length <= 200;
    }
  });
}

export function orderBy<Row>(keys: readonly SortKey<Row>[]): string {
  return keys.map((k) => `${k.sql} ${k.direction.toUpperCase()}`).join(', ');
}

/**
 * The condition "comes after `values` in this order", expanded for mixed directions:
 * (k1 > v1) OR (k1 = v1 AND k2 > v2) OR … Parameters are appended to `params`.
 */
export function keysetCondition<Row>(keys: readonly SortKey<Row>[], values: SortValues, params: unknown[]): string {
  const refs = values.map((v) => {
    params.push(v);
    return `$${params.length}`;
  });
  const branches = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => `${k.sql} = ${refs[j]}::${k.type}`);
    const beyond = `${key.sql} ${key.direction === 'asc' ? '>' : '<'} ${refs[i]}::${key.type}`;
    return `(${[...equal, beyond].join(' AND ')})`;
  });
  return `(${branches.join(' OR ')})`;
}
