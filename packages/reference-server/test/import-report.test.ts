// The import's per-product report on both databases: each product written is listed by its first
// row with what became of it, beside the skipped rows, so a person can read the file row by row.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { forEachDatabase } from './support/databases.js';
import { importAndWait } from './support/import-jobs.js';
import { searchCatalog } from './support/search-catalog.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CSV = readFileSync(new URL('./fixtures/shopify-products.csv', import.meta.url), 'utf8');

/** The Handle of each record, by record number (the header is 1); a naive split suffices for the first column. */
function handleAtRow(csv: string, row: number): string | undefined {
  let record = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i <= csv.length; i += 1) {
    const c = csv[i];
    if (c === '"') quoted = !quoted;
    if ((c === '\n' || i === csv.length) && !quoted) {
      record += 1;
      if (record === row) return csv.slice(start, i).split(',')[0];
      start = i + 1;
    }
  }
  return undefined;
}

forEachDatabase('import report', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: searchCatalog() });
  });
  after(() => app?.close());

  test('each product written is reported by its first row, created the first time', async () => {
    const job = await importAndWait(app, CSV);
    assert.equal(job.products.length, job.created);
    assert.ok(job.products.every((p) => p.outcome === 'created'));
    const rows = job.products.map((p) => p.row);
    assert.deepEqual(
      rows,
      [...rows].sort((a, b) => a - b),
      'in file order',
    );
    for (const p of job.products) assert.equal(handleAtRow(CSV, p.row), p.handle, `row ${p.row}`);
    const reported = new Set([...job.products.map((p) => p.row), ...job.errors.map((e) => e.row)]);
    assert.equal(reported.size, job.products.length + job.errors.length, 'a row is either written or skipped');
  });

  test('importing the same file again reports every product unchanged', async () => {
    const job = await importAndWait(app, CSV);
    assert.ok(job.products.length > 0);
    assert.ok(job.products.every((p) => p.outcome === 'unchanged'));
  });
});
