/** Result of one statement: the rows, and how many rows it touched. */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface QueryOptions {
  /**
   * Keep the statement prepared on the connection and reuse it: parsed once, and its plan reused
   * where PostgreSQL finds that cheaper. For hot reads whose text comes from a small set of
   * shapes with values as parameters, never for text that embeds values.
   */
  prepare?: boolean;
}

/** Something that runs SQL: the database itself, or one transaction on it. */
export interface Queryable {
  /** Runs one parameterized statement (`$1`, `$2` …). */
  query<R extends object = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<QueryResult<R>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export type DbKind = 'postgres' | 'pglite';

/** Connections of a database's pool right now, for metrics. */
export interface PoolStats {
  /** Connections open (PGlite: its one). */
  total: number;
  /** Open and not running anything. */
  idle: number;
  /** Queries or transactions waiting for a connection. */
  waiting: number;
}

/**
 * The database the repositories talk to: PostgreSQL through a `pg` pool, or embedded PGlite.
 * Both speak the same SQL and run the same migrations.
 */
export interface Db extends Queryable {
  readonly kind: DbKind;
  /** Where the data lives, for the startup banner; never contains a password. */
  readonly description: string;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * Inside, use only `tx`: on PGlite the transaction holds the single connection.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** How busy its connections are (a `pg` pool, PGlite's single connection). */
  poolStats?(): PoolStats;
  close(): Promise<void>;
}
