// Real server processes for multi-process tests: each runs ./server-process.ts (startServer from
// the sources) with the given environment and reports its URL and keys on its first stdout line.
import { spawn, type ChildProcess } from 'node:child_process';
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

/** Why a multi-process suite is skipped, or false when PostgreSQL and Redis are both there. */
export const skipWithoutPostgresAndRedis =
  TEST_DATABASE_URL && TEST_REDIS_URL ? false : 'needs PostgreSQL and Redis (SHOPTAG_TEST_DATABASE_URL, SHOPTAG_TEST_REDIS_URL)';

export function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', SCRIPT], {
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
  if (!p || p.child.exitCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM');
  await exited;
}
