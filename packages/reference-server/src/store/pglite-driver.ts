import { mkdirSync } from 'node:fs';
import { PGlite, parse, protocol } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { lockDataDir } from './data-dir-lock.js';
import type { Db, Queryable, QueryOptions, QueryResult } from './db.js';

/**
 * Runs tasks one at a time. PGlite has a single connection: a transaction must own it from
 * BEGIN to COMMIT, so every statement waits its turn here.
 */
class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  /** Tasks running or waiting. */
  pending = 0;

  run<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.tail.then(task).finally(() => this.pending--);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

function concatMessages(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const MAX_PREPARED = 500;

/**
 * Named prepared statements on PGlite, which `query()` does not offer: each statement is parsed
 * once, and a run is one trip into the WASM engine (bind, describe, execute, sync) instead of
 * six. Planning is where PGlite spends much of a catalog read.
 */
function createPreparedStatements(pglite: PGlite) {
  const { serialize } = protocol;
  const prepared = new Map<string, { name: string; types: number[] }>();

  async function prepare(text: string): Promise<{ name: string; types: number[] } | undefined> {
    const known = prepared.get(text);
    if (known || prepared.size >= MAX_PREPARED) return known;
    const name = `shoptag_${prepared.size + 1}`;
    const messages = await pglite.execProtocolStream(
      concatMessages([
        serialize.parse({ name, text, types: [] }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]),
      { throwOnError: false },
    );
    const error = messages.find((m) => m instanceof Error);
    // An invalid statement fails the same way when run unprepared, with the usual error.
    if (error) return undefined;
    const statement = { name, types: parse.parseDescribeStatementResults(messages) };
    prepared.set(text, statement);
    return statement;
  }

  return {
    async run<R extends object>(text: string, params: readonly unknown[]): Promise<QueryResult<R> | undefined> {
      const statement = await prepare(text);
      if (!statement) return undefined;
      // The values serialized as PGlite's own query() does, by the parameter types PostgreSQL inferred.
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serializer = pglite.serializers[statement.types[i] ?? 0];
        return serializer ? serializer(value) : String(value);
      });
      // Sync ends the cycle even when a step fails, so the connection is ready for the next statement.
      const messages = await pglite.execProtocolStream(
        concatMessages([
          serialize.bind({ statement: statement.name, values }),
          serialize.describe({ type: 'P' }),
          serialize.execute({}),
          serialize.sync(),
        ]),
        { throwOnError: false },
      );
      const error = messages.find((m) => m instanceof Error);
      if (error) throw error;
      // As query() does: a no-op for a data directory on disk, a flush for other file systems.
      await pglite.syncToFs();
      const [result] = parse.parseResults(messages, pglite.parsers);
      const rows = (result?.rows ?? []) as R[];
      return { rows, rowCount: Math.max(rows.length, result?.affectedRows ?? 0) };
    },
  };
}

export interface PgliteDbOptions {
  /** A directory for a file-backed database, or `null` for one in memory. */
  dataDir: string | null;
}

/** An embedded PostgreSQL (PGlite, WASM) database, in a directory or in memory. */
export async function createPgliteDb(options: PgliteDbOptions): Promise<Db> {
  let unlock = () => {};
  if (options.dataDir !== null) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(options.dataDir === null ? {} : { dataDir: options.dataDir }),
      extensions: { pg_trgm, fuzzystrmatch },
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const queue = new SerialQueue();
  const statements = createPreparedStatements(pglite);
  const raw: Queryable = {
    async query<R extends object>(
      text: string,
      params: readonly unknown[] = [],
      options?: QueryOptions,
    ): Promise<QueryResult<R>> {
      const done = options?.prepare ? await statements.run<R>(text, params) : undefined;
      if (done) return done;
      const result = await pglite.query<R>(text, params as unknown[]);
      // PGlite reports affected rows for writes only; pg counts selected rows too.
      return { rows: result.rows, rowCount: Math.max(result.rows.length, result.affectedRows ?? 0) };
    },
    async exec(text: string): Promise<void> {
      await pglite.exec(text);
    },
  };
  let closed: Promise<void> | null = null;
  return {
    kind: 'pglite',
    description: options.dataDir === null ? 'PGlite (embedded) in memory' : `PGlite (embedded) at ${options.dataDir}`,
    query: (text, params, options) => queue.run(() => raw.query(text, params, options)),
    exec: (text) => queue.run(() => raw.exec(text)),
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return queue.run(async () => {
        await raw.exec('BEGIN');
        try {
          const result = await fn(raw);
          await raw.exec('COMMIT');
          return result;
        } catch (error) {
          await raw.exec('ROLLBACK');
          throw error;
        }
      });
    },
    poolStats: () => ({
      total: 1,
      idle: queue.pending === 0 ? 1 : 0,
      waiting: Math.max(0, queue.pending - 1),
    }),
    close() {
      closed ??= queue.run(() => pglite.close()).finally(unlock);
      return closed;
    },
  };
}
