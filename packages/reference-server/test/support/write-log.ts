// Instrumentation for tests that must prove "nothing was written": a row trigger on each table
// logs every committed insert, delete, and update that changes a value (a rolled-back write leaves
// no entry, as it leaves no state). Cheaper than hashing every table after each request.
import type { Db } from '../../src/store/db.js';

export interface WriteLog {
  /** A position in the log; writes after it are `writesSince(position)`. */
  position(): Promise<number>;
  /** The tables written since `position`, with how many rows, e.g. `['carts×1']`. */
  writesSince(position: number): Promise<string[]>;
}

/**
 * Installs the triggers on `tables` of a test database. An update that changes only the columns
 * `ignore` names for its table (a lease kept alive, say) is not logged.
 */
export async function installWriteLog(
  db: Db,
  tables: readonly string[],
  ignore: Record<string, readonly string[]> = {},
): Promise<WriteLog> {
  await db.query(
    'CREATE TABLE test_write_log (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, table_name text NOT NULL)',
  );
  await db.query(`CREATE FUNCTION test_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - coalesce(TG_ARGV, '{}'::text[])) = (to_jsonb(OLD) - coalesce(TG_ARGV, '{}'::text[])) THEN
        RETURN NULL;
      END IF;
      INSERT INTO test_write_log (table_name) VALUES (TG_TABLE_NAME);
      RETURN NULL;
    END $$`);
  for (const table of tables) {
    const args = (ignore[table] ?? []).map((column) => `'${column}'`).join(', ');
    await db.query(
      `CREATE TRIGGER test_log_write AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION test_log_write(${args})`,
    );
  }
  return {
    async position() {
      const { rows } = await db.query<{ id: string | number | null }>('SELECT max(id) AS id FROM test_write_log');
      return Number(rows[0]?.id ?? 0);
    },
    async writesSince(position) {
      const { rows } = await db.query<{ table_name: string; n: string | number }>(
        'SELECT table_name, count(*) AS n FROM test_write_log WHERE id > $1 GROUP BY table_name ORDER BY table_name',
        [position],
      );
      return rows.map((r) => `${r.table_name}×${Number(r.n)}`);
    },
  };
}
