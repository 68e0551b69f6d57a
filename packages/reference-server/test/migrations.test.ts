import assert from 'node:assert/strict';
import { test } from 'node:test';
import { systemClock } from '../src/clock.js';
import { seedCatalog } from '../src/seed/seed-service.js';
import type { Queryable } from '../src/store/db.js';
import { migrate, MigrationChangedError, readMigrations } from '../src/store/migrate.js';
import { createPgDb } from '../src/store/pg-driver.js';
import { createScratchDatabase, forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';

/** Tables, columns, indexes and constraints of the public schema, as comparable text. */
async function schemaSnapshot(db: Queryable): Promise<string[]> {
  const columns = await db.query<{ line: string }>(
    `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS line
     FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const indexes = await db.query<{ line: string }>(
    `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public'`,
  );
  const constraints = await db.query<{ line: string }>(
    `SELECT conrelid::regclass::text || ' ' || conname AS line FROM pg_constraint WHERE connamespace = 'public'::regnamespace`,
  );
  return [...columns.rows, ...indexes.rows, ...constraints.rows].map((r) => r.line).sort();
}

forEachDatabase(
  'migrations',
  (target) => {
    test('apply once, then a second run changes nothing', async () => {
      const first = await migrate(target.db);
      assert.deepEqual(
        first.applied,
        readMigrations().map((m) => m.version),
      );
      const before = await schemaSnapshot(target.db);
      assert.ok(before.some((line) => line.startsWith('products.search_vector tsvector')));
      const second = await migrate(target.db);
      assert.deepEqual(second.applied, []);
      assert.deepEqual(await schemaSnapshot(target.db), before);
      const recorded = await target.db.query<{ version: string }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      assert.deepEqual(
        recorded.rows.map((r) => r.version),
        first.applied,
      );
    });

    test('an applied migration whose file has changed stops migrate with an error naming the file, and applies nothing', async () => {
      const edited = readMigrations().map((m) =>
        m.version === '0003_carts_inventory' ? { ...m, sql: `${m.sql}\nALTER TABLE carts ADD COLUMN note text;\n` } : m,
      );
      const extra = { version: '9999_later', sql: 'CREATE TABLE later_things (id text PRIMARY KEY);' };
      await assert.rejects(migrate(target.db, [...edited, extra]), (error: unknown) => {
        assert.ok(error instanceof MigrationChangedError);
        assert.equal(error.version, '0003_carts_inventory');
        assert.match(error.message, /^migration 0003_carts_inventory\.sql has changed since it was applied/);
        return true;
      });
      const later = await target.db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'later_things'`);
      assert.equal(later.rows.length, 0, 'the pending migration after it was not applied');
      const note = await target.db.query(
        `SELECT 1 FROM information_schema.columns WHERE table_name = 'carts' AND column_name = 'note'`,
      );
      assert.equal(note.rows.length, 0);
    });

    test('the same migrations checked out with CRLF line endings are not a change', async () => {
      const crlf = readMigrations().map((m) => ({ ...m, sql: m.sql.replace(/\r?\n/g, '\r\n') }));
      assert.deepEqual((await migrate(target.db, crlf)).applied, []);
    });

    test('stock can go neither negative on hand nor negative reserved', async () => {
      await seedCatalog(target.db, fixtureCatalog, { clock: systemClock });
      await assert.rejects(
        target.db.query(`UPDATE inventory_levels SET reserved = -1 WHERE variant_id = 'var_fx010'`),
        /check constraint/,
      );
      await assert.rejects(
        target.db.query(`UPDATE inventory_levels SET on_hand = -1 WHERE variant_id = 'var_fx010'`),
        /check constraint/,
      );
    });

    test('handles and SKUs are unique', async () => {
      await assert.rejects(
        target.db.query(`UPDATE products SET handle = 'fixture-product-2' WHERE id = 'prod_fx01'`),
        /unique/,
      );
      await assert.rejects(target.db.query(`UPDATE variants SET sku = 'FX-02-S' WHERE id = 'var_fx010'`), /unique/);
    });

    test('the search vector weighs the name, brand, category name and description', async () => {
      const weights = async () =>
        (await target.db.query<{ v: string }>(`SELECT search_vector::text AS v FROM products WHERE id = 'prod_fx04'`))
          .rows[0]?.v ?? '';
      const v = await weights();
      assert.match(v, /'fixtur':1A/);
      assert.match(v, /'strider':\d+B/);
      assert.match(v, /'run':\d+C/);
      assert.match(v, /'descript':\d+/);
      assert.doesNotMatch(v, /strong/, 'HTML tags are not indexed');
      await target.db.query(`UPDATE categories SET name = 'Trail shoes' WHERE id = 'cat_running'`);
      assert.match(await weights(), /'trail':\d+C/);
      await target.db.query(`UPDATE products SET category_id = 'cat_lamps' WHERE id = 'prod_fx04'`);
      assert.match(await weights(), /'lamp':\d+C/);
    });
  },
  { migrate: false },
);

test(
  'two processes migrating one fresh PostgreSQL database apply each migration once',
  { skip: !process.env.SHOPTAG_TEST_DATABASE_URL },
  async () => {
    const scratch = await createScratchDatabase();
    const a = createPgDb({ connectionString: scratch.url, max: 1 });
    const b = createPgDb({ connectionString: scratch.url, max: 1 });
    try {
      const results = await Promise.all([migrate(a), migrate(b)]);
      const applied = results.flatMap((r) => r.applied);
      assert.deepEqual(
        applied.sort(),
        readMigrations()
          .map((m) => m.version)
          .sort(),
      );
    } finally {
      await Promise.all([a.close(), b.close()]);
      await scratch.drop();
    }
  },
);
