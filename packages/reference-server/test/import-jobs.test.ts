// Product imports run as jobs that never hold the server: streamed, checked and written in chunks
// that yield, with progress any process can read, stopped by a cancel or by shutdown.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { ErrorBody, ImportJob, type ImportJob as Job } from '@shoptag/sdk/contract';
import { systemClock } from '../src/clock.js';
import { silentLogger } from '../src/logger.js';
import { createImportJobs, createShopifyImporter, textSource } from '../src/services/catalog/index.js';
import { createImportJobRepository } from '../src/store/import-job-repository.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { followImport, getImport, importAndWait, postImport } from './support/import-jobs.js';
import { skippedRowsCsv, validProductsCsv } from './support/shopify-csv.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The bound: every health check answered within a second while an import runs. */
const HEALTH_BOUND_MS = 1_000;
/** "In seconds": the quadratic import took 74–76 s for these rows; linear work takes a few. */
const SKIPPED_IMPORT_BOUND_MS = 30_000;
/** Products in a file that is stopped part way: many chunks even on a fast database. */
const CANCEL_PRODUCTS = 120;

forEachDatabase('product import jobs', (target) => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp(target.db, { catalog: fixtureCatalog() });
  });
  after(() => app.close());

  const countProducts = async (prefix: string) =>
    (
      await target.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM products WHERE handle LIKE $1`, [
        `${prefix}-%`,
      ])
    ).rows[0]?.n ?? 0;
  const importer = () =>
    createShopifyImporter({ db: target.db, currency: 'USD', invalidate: () => app.invalidateCache() });

  /** Calls GET /v1/health back to back until `stop` resolves; answers each call's latency. */
  async function healthLatencies(stop: Promise<unknown>): Promise<number[]> {
    let stopped = false;
    void stop.finally(() => (stopped = true));
    const latencies: number[] = [];
    while (!stopped) {
      const started = performance.now();
      const res = await app.request('/v1/health', { key: null });
      latencies.push(performance.now() - started);
      assert.equal(res.status, 200);
      await sleep(10);
    }
    return latencies;
  }

  test('32,000 rows that are all skipped import in seconds while /v1/health answers every request within a second', async (t) => {
    const csv = skippedRowsCsv(32_000);
    const started = performance.now();
    const importing = importAndWait(app, csv);
    const [job, latencies] = await Promise.all([importing, healthLatencies(importing)]);
    const elapsed = performance.now() - started;

    assert.equal(job.status, 'succeeded', JSON.stringify(job.failure));
    assert.deepEqual([job.rows_total, job.rows_done, job.skipped, job.created], [32_000, 32_000, 32_000, 0]);
    assert.equal(job.errors.length, 100, 'the job lists the first 100 skipped rows');
    assert.deepEqual(
      job.errors.slice(0, 2).map((e) => [e.row, e.handle, e.reason]),
      [
        [2, 'skip-0', 'the first row of a product needs a Title'],
        [3, 'skip-1', 'the first row of a product needs a Title'],
      ],
    );
    assert.ok(elapsed < SKIPPED_IMPORT_BOUND_MS, `the import took ${Math.round(elapsed)} ms`);
    assert.ok(latencies.length >= 10, `only ${latencies.length} health checks ran during the import`);
    const slowest = Math.max(...latencies);
    t.diagnostic(
      `import ${Math.round(elapsed)} ms; ${latencies.length} health checks, slowest ${Math.round(slowest)} ms`,
    );
    assert.ok(
      slowest < HEALTH_BOUND_MS,
      `the slowest of ${latencies.length} health checks took ${Math.round(slowest)} ms`,
    );
  });

  test('a large valid import reports progress that grows chunk by chunk up to every row', async () => {
    const res = await postImport(app, validProductsCsv(150, { prefix: 'grow' }));
    assert.equal(res.status, 202);
    const queued = ImportJob.parse(res.body);
    assert.deepEqual([queued.rows_total, queued.rows_done], [300, 0]);
    assert.ok(queued.status === 'queued' || queued.status === 'running');
    const seen: number[] = [];
    const job = await followImport(app, queued.id, { everyMs: 20, onJob: (j) => seen.push(j.rows_done) });

    assert.deepEqual([job.status, job.rows_done, job.created, job.skipped], ['succeeded', 300, 150, 0]);
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i]! >= seen[i - 1]!, `progress went back: ${seen.join(', ')}`);
    const between = new Set(seen.filter((n) => n > 0 && n < 300));
    assert.ok(between.size >= 2, `saw too few steps between the start and the end: ${[...new Set(seen)].join(', ')}`);
    assert.equal(await countProducts('grow'), 150);
  });

  test('a cancelled import stops after its chunk: committed products stay, the job says cancelled and how far it got', async () => {
    const res = await postImport(app, validProductsCsv(CANCEL_PRODUCTS, { prefix: 'cancel' }));
    const { id } = ImportJob.parse(res.body);
    let job: Job = await getImport(app, id);
    while (job.rows_done === 0) {
      await sleep(20);
      job = await getImport(app, id);
    }
    const cancelling = await app.request(`/v1/admin/imports/${id}/cancel`, { method: 'POST', key: app.secretKey });
    assert.equal(cancelling.status, 200, JSON.stringify(cancelling.body));
    assert.equal(ImportJob.parse(cancelling.body).cancel_requested, true);
    job = await followImport(app, id);

    assert.equal(job.status, 'cancelled');
    assert.equal(job.failure?.code, 'import_cancelled');
    assert.ok(job.rows_done > 0 && job.rows_done < job.rows_total, `${job.rows_done}/${job.rows_total}`);
    assert.equal(await countProducts('cancel'), job.created, 'exactly the products of committed chunks are there');
    const again = await app.request(`/v1/admin/imports/${id}/cancel`, { method: 'POST', key: app.secretKey });
    assert.deepEqual([again.status, ImportJob.parse(again.body).status], [200, 'cancelled']);
  });

  test('importing a cancelled file again finishes it, leaving the products already imported alone', async () => {
    const before = await countProducts('cancel');
    const job = await importAndWait(app, validProductsCsv(CANCEL_PRODUCTS, { prefix: 'cancel' }));
    assert.deepEqual([job.status, job.unchanged, job.created], ['succeeded', before, CANCEL_PRODUCTS - before]);
  });

  test('shutting down (what SIGTERM does) stops the running import after its chunk and cancels the queued one', async () => {
    const progress: Job[] = [];
    const jobs = createImportJobs({
      db: target.db,
      clock: systemClock,
      logger: silentLogger,
      importer: importer(),
      onProgress: (j) => progress.push(j),
    });
    const running = await jobs.submit(textSource(validProductsCsv(CANCEL_PRODUCTS, { prefix: 'sigterm' })), 'api');
    const queued = await jobs.submit(textSource(validProductsCsv(5, { prefix: 'queued' })), 'api');
    while (!progress.some((j) => j.id === running.id && j.rows_done > 0)) await sleep(20);
    await jobs.shutdown();

    const stopped = await jobs.get(running.id);
    assert.equal(stopped.status, 'cancelled');
    assert.equal(stopped.failure?.code, 'import_interrupted');
    assert.ok(
      stopped.rows_done > 0 && stopped.rows_done < stopped.rows_total,
      `${stopped.rows_done}/${stopped.rows_total}`,
    );
    assert.equal(await countProducts('sigterm'), stopped.created);
    assert.deepEqual([(await jobs.get(queued.id)).status, await countProducts('queued')], ['cancelled', 0]);
    const late = await jobs.submit(textSource(validProductsCsv(1, { prefix: 'late' })), 'api');
    assert.equal(late.status, 'cancelled', 'a stopping process starts no new import');
  });

  test('a job whose process died is reported failed once its heartbeat lapses', async () => {
    const id = 'imp_DeadProcess01';
    await createImportJobRepository(target.db).insert(
      { id, source: 'api', rowsTotal: 10, status: 'queued', failure: null },
      new Date(Date.now() - 10 * 60_000),
    );
    const job = await getImport(app, id);
    assert.equal(job.status, 'failed');
    assert.equal(job.failure?.code, 'import_abandoned');
  });

  test('a process holds a bounded number of imports: one more is refused with import_queue_full', async () => {
    const jobs = createImportJobs({
      db: target.db,
      clock: systemClock,
      logger: silentLogger,
      importer: importer(),
      maxPending: 1,
    });
    await jobs.submit(textSource(validProductsCsv(50, { prefix: 'held' })), 'api');
    await assert.rejects(jobs.submit(textSource(validProductsCsv(1, { prefix: 'refused' })), 'api'), {
      code: 'import_queue_full',
      statusCode: 429,
    });
    await jobs.shutdown();
  });

  test('an unknown or malformed import id is a 404; a finished import cannot be cancelled', async () => {
    for (const id of ['imp_Nope', 'nope']) {
      const res = await app.request(`/v1/admin/imports/${id}`, { key: app.secretKey });
      assert.deepEqual([res.status, ErrorBody.parse(res.body).error.code], [404, 'resource_missing']);
    }
    const done = await importAndWait(app, validProductsCsv(1, { prefix: 'finished' }));
    const res = await app.request(`/v1/admin/imports/${done.id}/cancel`, { method: 'POST', key: app.secretKey });
    assert.deepEqual([res.status, ErrorBody.parse(res.body).error.code], [409, 'import_finished']);
    assert.equal(
      (await app.request(`/v1/admin/imports/${done.id}`)).status,
      403,
      'a publishable key cannot read imports',
    );
  });
});
