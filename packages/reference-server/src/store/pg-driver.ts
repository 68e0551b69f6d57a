import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db, Queryable, QueryOptions, QueryResult } from './db.js';
import { redactUrl } from '../redact-url.js';

const INT8_OID = 20;

/** int8 (`count(*)`, bigint money) as a JS number, as PGlite returns it; refuses values past 2^53. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} is outside the safe integer range`);
  return n;
}

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return parseInt8;
    return pg.types.getTypeParser(oid, format);
  },
};

/** A prepared statement's name, from its text: the same text gets the same name on every connection. */
function statementName(text: string): string {
  return `shoptag_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R extends object>(
      text: string,
      params: readonly unknown[] = [],
      options?: QueryOptions,
    ): Promise<QueryResult<R>> {
      // pg keeps a named statement prepared on each connection that has run it.
      const name = options?.prepare ? statementName(text) : undefined;
      const result = await client.query<R>(
        name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] },
      );
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
    async exec(text: string): Promise<void> {
      await client.query(text);
    },
  };
}

export interface PgDbOptions {
  connectionString: string;
  /** Pool size; pg's default is 10. */
  max?: number;
  applicationName?: string;
}

/** A PostgreSQL database through a `pg` connection pool. */
export function createPgDb(options: PgDbOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'shoptag-server',
    types: typeParsers,
    // The catalog's working set sits in memory (or on SSD). With PostgreSQL's default of 4 (made
    // for spinning disks) the planner reads all 100k search documents sequentially rather than
    // the few thousand a search's GIN indexes point at (62 ms instead of 12 ms for one word).
    options: '-c random_page_cost=1.1',
  });
  // An idle client that loses its connection emits 'error' on the pool; without a listener
  // that would crash the process. The next query gets a fresh connection.
  pool.on('error', () => {});
  const direct = wrap(pool);
  let closed: Promise<void> | null = null;
  return {
    kind: 'postgres',
    description: `PostgreSQL at ${redactUrl(options.connectionString)}`,
    query: direct.query,
    exec: direct.exec,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close() {
      closed ??= pool.end();
      return closed;
    },
  };
}
