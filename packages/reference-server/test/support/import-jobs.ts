// Drives product imports through the HTTP API: post a file, follow its job until it ends.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImportJob, isImportFinished } from '@shoptag/sdk/contract';
import type { TestApp, TestResponse } from './test-app.js';

/** `POST /v1/admin/products/import` with the secret key. */
export function postImport(app: TestApp, csv: string, contentType = 'text/csv'): Promise<TestResponse> {
  return app.request('/v1/admin/products/import', {
    method: 'POST',
    key: app.secretKey,
    headers: { 'content-type': contentType },
    body: csv,
  });
}

/** `GET /v1/admin/imports/:id`, parsed. */
export async function getImport(app: TestApp, id: string): Promise<ImportJob> {
  const res = await app.request(`/v1/admin/imports/${id}`, { key: app.secretKey });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return ImportJob.parse(res.body);
}

/** Polls the job until it has ended, handing every answer to `onJob`; fails after `timeoutMs`. */
export async function followImport(
  app: TestApp,
  id: string,
  options: { onJob?: (job: ImportJob) => void; timeoutMs?: number; everyMs?: number } = {},
): Promise<ImportJob> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    const job = await getImport(app, id);
    options.onJob?.(job);
    if (isImportFinished(job.status)) return job;
    assert.ok(Date.now() < deadline, `import ${id} still ${job.status} (${job.rows_done}/${job.rows_total} rows)`);
    await sleep(options.everyMs ?? 50);
  }
}

/** Posts the file, checks the 202 answer (a job and its Location), and follows the job to its end. */
export async function importAndWait(app: TestApp, csv: string): Promise<ImportJob> {
  const res = await postImport(app, csv);
  assert.equal(res.status, 202, JSON.stringify(res.body));
  const job = ImportJob.parse(res.body);
  assert.equal(res.headers.get('location'), `/v1/admin/imports/${job.id}`);
  return followImport(app, job.id);
}
