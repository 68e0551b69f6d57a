// Real server processes for multi-process tests: each runs ./server-process.ts (startServer from
// the sources) or ./built-server-process.mjs (from dist/) with the given environment and reports
// its URL and keys on its first stdout line.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './databases.js';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  publishableKey: string;
  secretKey: string;
}

const SCRIPT = fileURLToPath(new URL('./server-process.ts', import.meta.url));
const BUILT_SCRIPT = fileURLToPath(new URL('./built-server-process.mjs', import.meta.url));

/** Whether dist/ has been built (`node scripts/build.mjs`; `npm test` builds first). */
export const serverIsBuilt = existsSync(fileURLToPath(new URL('../../dist/index.js', import.meta.url)));

/** Why a multi-process suite is skipped, or false when PostgreSQL and Redis are both there. */
export const skipWithoutPostgresAndRedis =
  TEST_DATABASE_URL && TEST_REDIS_URL
    ? false
    : 'needs PostgreSQL and Redis (SHOPTAG_TEST_DATABASE_URL, SHOPTAG_TEST_REDIS_URL)';

/** Starts a server process; `built` runs dist/ (build first) instead of the sources. */
export function spawnServer(env: Record<string, string>, options: { built?: boolean } = {}): Promise<ServerProcess> {
  const args = options.built ? [BUILT_SCRIPT] : ['--conditions=shoptag-source', '--import', 'tsx', SCRIPT];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) =>
      resolve({ child, ...(JSON.parse(line) as Omit<ServerProcess, 'child'>) }),
    );
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}: ${stderr}`)));
  });
}

export async function stopServer(p: ServerProcess | undefined): Promise<void> {
  // A process killed by a signal has no exit code, only a signal code.
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM');
  await exited;
}
