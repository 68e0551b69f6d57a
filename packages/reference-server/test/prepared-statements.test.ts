// Statements run with `{ prepare: true }` on both drivers: parsed once, then run again with new
// values, inside and outside transactions, and a failure leaves the connection usable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachDatabase } from './support/databases.js';

forEachDatabase('prepared statements', (target) => {
  const select = `SELECT $1::int + 1 AS n, $2::text[] AS tags, $3::timestamptz AS at, $4::bigint AS amount, $5::text AS missing`;

  test('a prepared statement answers like an unprepared one, for every run with its own values', async () => {
    for (const n of [1, 2, 41]) {
      const values = [n, ['a', 'b "c"'], new Date('2026-01-02T03:04:05.678Z'), 9_007_199_254_740_991, null];
      const prepared = await target.db.query(select, values, { prepare: true });
      const plain = await target.db.query(select, values);
      assert.deepEqual(prepared.rows, plain.rows);
      assert.equal(prepared.rows[0]?.n, n + 1);
      assert.equal(prepared.rowCount, 1);
    }
  });

  test('a failing prepared statement throws the database error and the connection stays usable', async () => {
    const divide = 'SELECT 10 / $1::int AS q';
    assert.equal((await target.db.query<{ q: number }>(divide, [2], { prepare: true })).rows[0]?.q, 5);
    await assert.rejects(
      target.db.query(divide, [0], { prepare: true }),
      (error: { code?: string }) => error.code === '22012',
    );
    assert.equal((await target.db.query<{ q: number }>(divide, [5], { prepare: true })).rows[0]?.q, 2);
    // A statement that does not parse fails as it would unprepared.
    await assert.rejects(
      target.db.query('SELEC 1', [], { prepare: true }),
      (error: { code?: string }) => error.code === '42601',
    );
    assert.equal((await target.db.query<{ q: number }>(divide, [1], { prepare: true })).rows[0]?.q, 10);
  });

  test('prepared statements run inside a transaction see its writes and roll back with it', async () => {
    await target.db.exec('CREATE TABLE prepared_probe (n int)');
    const count = 'SELECT count(*)::int AS c FROM prepared_probe WHERE n > $1';
    await assert.rejects(
      target.db.transaction(async (tx) => {
        await tx.query('INSERT INTO prepared_probe VALUES (1), (2), (3)');
        assert.equal((await tx.query<{ c: number }>(count, [1], { prepare: true })).rows[0]?.c, 2);
        await tx.query(count, ['not a number'], { prepare: true });
      }),
    );
    assert.equal((await target.db.query<{ c: number }>(count, [0], { prepare: true })).rows[0]?.c, 0);
  });
});
