// A fingerprint of everything a request may change in the database: one hash per table, so a test
// can say "nothing changed" after a rejected request, and name the table when something did.
import type { Db } from '../../src/store/db.js';

/** Bookkeeping rather than shop state: stored Idempotency-Key answers (4xx included, as Stripe does) and migrations. */
const NOT_STATE = new Set(['idempotency_keys', 'schema_migrations']);

export interface StateFingerprint {
  /** Table name → row count and hash of its rows. */
  readonly tables: Record<string, string>;
}

/** Every table of the public schema but bookkeeping. */
export async function stateTables(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  return rows.map((r) => r.table_name).filter((t) => !NOT_STATE.has(t));
}

/** Reads the fingerprint of `tables` in one statement. */
export async function fingerprint(db: Db, tables: readonly string[]): Promise<StateFingerprint> {
  const columns = tables.map(
    (t, i) =>
      `(SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM "${t}" x) AS t${i}`,
  );
  const { rows } = await db.query<Record<string, string>>(`SELECT ${columns.join(', ')}`);
  const row = rows[0] ?? {};
  return { tables: Object.fromEntries(tables.map((t, i) => [t, row[`t${i}`] ?? ''])) };
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: StateFingerprint, after: StateFingerprint): string[] {
  return Object.keys(before.tables).filter((t) => before.tables[t] !== after.tables[t]);
}
