import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import type { ImportJob } from '@shoptag/sdk/contract';
import { formatImportSummary, progressLine } from '../src/import-command.js';
import { validProductsCsv } from './support/shopify-csv.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const CSV = fileURLToPath(new URL('./fixtures/shopify-products.csv', import.meta.url));

function cliEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(PORT|HOST|DATABASE_|REDIS_URL|STRIPE_|SHOPTAG_|LOG_LEVEL)/.test(k)) env[k] = v;
  return { ...env, SHOPTAG_DATA_DIR: dataDir };
}

function run(args: string[], dataDir: string) {
  return spawnSync(process.execPath, ['--conditions=shoptag-source', '--import', 'tsx', CLI, ...args], {
    env: cliEnv(dataDir),
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('shoptag-server import', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shoptag-import-test-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('imports a Shopify CSV with a progress bar on stderr and a summary with reasons on stdout', () => {
    const r = run(['import', CSV], dataDir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /Import imp_\w+: 10 rows/);
    assert.match(r.stderr, /\[#{30}\] 10\/10 rows · 4 created · 0 updated · 3 skipped/);
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

const job = (fields: Partial<ImportJob>): ImportJob => ({
  object: 'import_job',
  id: 'imp_1',
  status: 'succeeded',
  rows_total: 3,
  rows_done: 3,
  created: 1,
  updated: 0,
  unchanged: 0,
  skipped: 1,
  errors: [{ row: 3, handle: 'b', reason: 'no price' }],
  products: [{ row: 2, handle: 'a', outcome: 'created' }],
  failure: null,
  cancel_requested: false,
  created_at: '2026-01-01T00:00:00.000Z',
  started_at: '2026-01-01T00:00:00.000Z',
  finished_at: '2026-01-01T00:00:01.000Z',
  ...fields,
});

describe('shoptag-server import under SIGTERM', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shoptag-import-sigterm-'));
  const file = join(dataDir, 'bulk.csv');
  writeFileSync(file, validProductsCsv(120, { prefix: 'term' }));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('SIGTERM stops the import after its chunk: it exits 143, says how far it got, and a second run finishes the file', async () => {
    const child = spawn(process.execPath, ['--conditions=shoptag-source', '--import', 'tsx', CLI, 'import', file], {
      env: cliEnv(dataDir),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const progressed = new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        // Progress is drawn as it goes: signal once some rows are committed.
        if (/\] +[1-9]\d*\/240 rows/.test(stderr)) resolve();
      });
    });
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    await Promise.race([progressed, exited]);
    child.kill('SIGTERM');
    const [code] = await exited;
    assert.equal(code, 143, stderr);
    assert.match(stderr, /SIGTERM: stopping the import after its current chunk/);
    const stopped = /Import cancelled after (\d+) of 240 rows: (\d+) products created/.exec(stdout);
    assert.ok(stopped, stdout);
    const [done, created] = [Number(stopped[1]), Number(stopped[2])];
    assert.ok(done > 0 && done < 240 && created > 0, stdout);

    const again = run(['import', file], dataDir);
    assert.equal(again.status, 0, again.stderr);
    assert.match(
      again.stdout,
      new RegExp(
        `Imported 240 rows: ${120 - created} products created, 0 updated, ${created} unchanged, 0 rows skipped`,
      ),
    );
  });
});

test('the progress line fills as rows are done', () => {
  assert.equal(
    progressLine(job({ rows_done: 0, rows_total: 4, created: 0, skipped: 0 })),
    `[${'·'.repeat(30)}] 0/4 rows · 0 created · 0 updated · 0 skipped`,
  );
  assert.equal(
    progressLine(job({ rows_done: 2, rows_total: 4 })),
    `[${'#'.repeat(15)}${'·'.repeat(15)}] 2/4 rows · 1 created · 0 updated · 1 skipped`,
  );
});

test('the summary lists each skipped row with its reason, and says how many more there are', () => {
  assert.equal(
    formatImportSummary(job({})),
    'Imported 3 rows: 1 products created, 0 updated, 0 unchanged, 1 rows skipped\n  row 3 (b): no price\n',
  );
  const cut = formatImportSummary(
    job({
      status: 'cancelled',
      rows_done: 2,
      rows_total: 3000,
      skipped: 250,
      failure: { code: 'import_interrupted', message: 'Stopped.' },
    }),
  );
  assert.equal(
    cut,
    'Import cancelled after 2 of 3000 rows: 1 products created, 0 updated, 0 unchanged, 250 rows skipped\nStopped.\n  row 3 (b): no price\n  … and 249 more skipped rows (the first 1 are listed)\n',
  );
});
