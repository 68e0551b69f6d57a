// A real server process stopped by SIGTERM while it imports: it exits promptly and cleanly, the
// chunks it committed stay, and the job says it was cancelled and how far it got.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { ImportJob } from '@shoptag/sdk/contract';
import type { Db } from '../src/store/db.js';
import { createImportJobRepository } from '../src/store/import-job-repository.js';
import { createPgDb } from '../src/store/pg-driver.js';
import { createPgliteDb } from '../src/store/pglite-driver.js';
import { createScratchDatabase, databaseKinds } from './support/databases.js';
import { spawnServer, type ServerProcess } from './support/server-processes.js';
import { validProductsCsv } from './support/shopify-csv.js';

/** How long the process may take to stop: one chunk, the drain and closing the database. */
const STOP_BOUND_MS = 20_000;

for (const kind of databaseKinds()) {
  describe(`a server stopped by SIGTERM during an import (${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'})`, () => {
    test('exits promptly; committed chunks stay and the job says cancelled and how far it got', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'shoptag-import-sigterm-'));
      const scratch = kind === 'postgres' ? await createScratchDatabase() : undefined;
      let server: ServerProcess | undefined;
      let db: Db | undefined;
      try {
        server = await spawnServer({
          SHOPTAG_DATA_DIR: dataDir,
          DATABASE_URL: scratch?.url ?? '',
          REDIS_URL: '',
          TEST_SEED: 'false',
        });
        const { url, secretKey } = server;
        const auth = { authorization: `Bearer ${secretKey}` };
        const posted = await fetch(`${url}/v1/admin/products/import`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'text/csv' },
          body: validProductsCsv(120, { prefix: 'term' }),
        });
        assert.equal(posted.status, 202);
        const { id } = ImportJob.parse(await posted.json());
        for (;;) {
          const job = ImportJob.parse(await (await fetch(`${url}/v1/admin/imports/${id}`, { headers: auth })).json());
          if (job.rows_done > 0) break;
          assert.equal(job.status === 'queued' || job.status === 'running', true, job.status);
          await sleep(20);
        }

        const exited = once(server.child, 'exit') as Promise<[number | null]>;
        const signalled = performance.now();
        server.child.kill('SIGTERM');
        const [code] = await exited;
        const took = performance.now() - signalled;
        assert.equal(code, 0);
        assert.ok(took < STOP_BOUND_MS, `the server took ${Math.round(took)} ms to stop`);

        db = scratch
          ? createPgDb({ connectionString: scratch.url })
          : await createPgliteDb({ dataDir: join(dataDir, 'data') });
        const job = await createImportJobRepository(db).get(id);
        assert.ok(job);
        assert.deepEqual([job.status, job.failure_code], ['cancelled', 'import_interrupted']);
        assert.ok(job.rows_done > 0 && job.rows_done < 240, `${job.rows_done}/240 rows`);
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM products WHERE handle LIKE 'term-%'`,
        );
        assert.equal(rows[0]?.n, job.created, 'exactly the products of committed chunks are there');
      } finally {
        if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
        await db?.close();
        await scratch?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
