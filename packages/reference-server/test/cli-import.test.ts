import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { formatImportSummary, progressLine } from '../src/import-command.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const CSV = fileURLToPath(new URL('./fixtures/shopify-products.csv', import.meta.url));

function run(args: string[], dataDir: string) {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(PORT|HOST|DATABASE_|REDIS_URL|STRIPE_|SHOPTAG_|LOG_LEVEL)/.test(k)) env[k] = v;
  return spawnSync(process.execPath, ['--conditions=development', '--import', 'tsx', CLI, ...args], {
    env: { ...env, SHOPTAG_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('shoptag-server import', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shoptag-import-test-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('imports a Shopify CSV with a progress bar on stderr and a summary with reasons on stdout', () => {
    const r = run(['import', CSV], dataDir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /\[#{30}\] 6\/6 products/);
    assert.match(r.stdout, /Imported 10 rows: 4 products created, 0 updated, 0 unchanged, 3 rows skipped/);
    assert.match(r.stdout, /row 9 \(bad-price\): Variant Price 'ten dollars'/);
    assert.match(r.stdout, /row 10: the row has no Handle/);
  });

  test('importing the same file again changes nothing', () => {
    const r = run(['import', CSV], dataDir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /0 products created, 0 updated, 4 unchanged/);
  });

  test('a missing file argument is a usage error; a missing file or a non-Shopify file fails with one line', () => {
    assert.equal(run(['import'], dataDir).status, 64);
    const missing = run(['import', join(dataDir, 'nope.csv')], dataDir);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /ENOENT|no such file/);
    const other = join(dataDir, 'other.csv');
    writeFileSync(other, 'Name,Price\nA,1\n');
    const wrong = run(['import', other], dataDir);
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /not a Shopify product export/);
  });
});

test('the progress line fills as products are done', () => {
  assert.equal(progressLine({ done: 0, total: 4 }), `[${'·'.repeat(30)}] 0/4 products`);
  assert.equal(progressLine({ done: 2, total: 4 }), `[${'#'.repeat(15)}${'·'.repeat(15)}] 2/4 products`);
});

test('the summary lists each skipped row with its reason', () => {
  const text = formatImportSummary({
    object: 'import_summary',
    rows: 3,
    products: { created: 1, updated: 0, unchanged: 0 },
    created: ['a'],
    updated: [],
    skipped: [{ row: 3, handle: 'b', reason: 'no price' }],
  });
  assert.equal(text, 'Imported 3 rows: 1 products created, 0 updated, 0 unchanged, 1 rows skipped\n  row 3 (b): no price\n');
});
