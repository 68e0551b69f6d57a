// Starts throwaway PostgreSQL and Redis servers for tests and benchmarks, when their
// binaries are installed. Postgres refuses to run as root, so as root it runs as `postgres`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, chownSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_BIN_CANDIDATES = [
  '/usr/lib/postgresql/18/bin',
  '/usr/lib/postgresql/17/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/15/bin',
];

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function findPgBin() {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'pg_ctl'))) return process.env.PG_BIN;
  return PG_BIN_CANDIDATES.find((dir) => existsSync(join(dir, 'pg_ctl'))) ?? null;
}

function findRedis() {
  const r = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function asPostgresUser(cmd, args, opts = {}) {
  const isRoot = process.getuid?.() === 0;
  return isRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe', ...opts })
    : execFileSync(cmd, args, { stdio: 'pipe', ...opts });
}

function postgresUid() {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root but there is no "postgres" user to run PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Starts a PostgreSQL cluster on a free port. Resolves to `{ url, port, stop() }`, or null when
 * no PostgreSQL binaries are installed.
 */
export async function startPostgres({ log = () => {} } = {}) {
  const bin = findPgBin();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'shoptag-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUid();
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const data = join(dir, 'data');
  asPostgresUser(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  asPostgresUser(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-t',
    '30',
    'start',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`,
  ]);
  log(`postgres ${bin.split('/').at(-2)} on 127.0.0.1:${port}`);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    bin,
    dir,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        asPostgresUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts a Redis server on a free port; resolves to `{ url, port, stop() }`, or null when not installed. */
export async function startRedis({ log = () => {} } = {}) {
  const bin = findRedis();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'shoptag-redis-'));
  const port = await freePort();
  const pidfile = join(dir, 'redis.pid');
  execFileSync(bin, [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--daemonize',
    'yes',
    '--pidfile',
    pidfile,
    '--dir',
    dir,
    '--logfile',
    join(dir, 'redis.log'),
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ping = spawnSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8' });
    if (ping.stdout?.trim() === 'PONG') break;
    if (Date.now() > deadline) throw new Error(`redis did not answer on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  log(`redis on 127.0.0.1:${port}`);
  let stopped = false;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        process.kill(Number(readFileSync(pidfile, 'utf8').trim()), 'SIGKILL');
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the services that are installed and exports their URLs as SHOPTAG_TEST_DATABASE_URL and
 * SHOPTAG_TEST_REDIS_URL. Returns a function that stops them.
 */
export async function startTestServices({ log = (m) => console.error(`[services] ${m}`) } = {}) {
  const pg = process.env.SHOPTAG_TEST_DATABASE_URL ? null : await startPostgres({ log });
  const redis = process.env.SHOPTAG_TEST_REDIS_URL ? null : await startRedis({ log });
  if (pg) process.env.SHOPTAG_TEST_DATABASE_URL = pg.url;
  if (redis) process.env.SHOPTAG_TEST_REDIS_URL = redis.url;
  if (!process.env.SHOPTAG_TEST_DATABASE_URL) log('no PostgreSQL installed: database suites run on PGlite only');
  if (!process.env.SHOPTAG_TEST_REDIS_URL) log('no Redis installed: cache suites run on the in-process cache only');
  const stop = () => {
    pg?.stop();
    redis?.stop();
    // A later startTestServices in the same process (bench sections) must start fresh servers.
    if (pg) delete process.env.SHOPTAG_TEST_DATABASE_URL;
    if (redis) delete process.env.SHOPTAG_TEST_REDIS_URL;
  };
  return stop;
}

// `node scripts/services.mjs -- <command…>` runs a command with the services up.
if (import.meta.url === `file://${process.argv[1]}`) {
  const sep = process.argv.indexOf('--');
  const cmd = sep === -1 ? [] : process.argv.slice(sep + 1);
  const stop = await startTestServices();
  const cleanup = () => stop();
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  process.on('SIGTERM', () => {
    cleanup();
    process.exit(143);
  });
  if (cmd.length === 0) {
    console.log(`SHOPTAG_TEST_DATABASE_URL=${process.env.SHOPTAG_TEST_DATABASE_URL ?? ''}`);
    console.log(`SHOPTAG_TEST_REDIS_URL=${process.env.SHOPTAG_TEST_REDIS_URL ?? ''}`);
    console.log('services up; Ctrl-C stops them');
    await new Promise(() => {});
  }
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit', env: process.env });
  cleanup();
  process.exit(r.status ?? 1);
}
