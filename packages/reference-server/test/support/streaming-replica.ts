// A throwaway PostgreSQL primary with one streaming replica (pg_basebackup -R), for testing
// replica routing. Needs the PostgreSQL server binaries; `findPgBin()` is null without them.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = [
  '/usr/lib/postgresql/18/bin',
  '/usr/lib/postgresql/17/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/15/bin',
];

export function findPgBin(): string | null {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'pg_ctl'))) return process.env.PG_BIN;
  return CANDIDATES.find((dir) => existsSync(join(dir, 'pg_ctl'))) ?? null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface StreamingReplica {
  primaryUrl: string;
  replicaUrl: string;
  /** Stops the replica only (to test falling back to the primary). */
  stopReplica(): void;
  stop(): void;
}

/** Postgres refuses to run as root: as root, every command runs as `postgres`. */
function asPostgres(bin: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  execFileSync(root ? 'runuser' : bin, root ? ['-u', 'postgres', '--', bin, ...args] : args, { stdio: 'pipe' });
}

export async function startStreamingReplica(bin: string): Promise<StreamingReplica> {
  const dir = mkdtempSync(join(tmpdir(), 'shoptag-replica-'));
  const primary = join(dir, 'primary');
  const replica = join(dir, 'replica');
  const sockP = join(dir, 'sock-p');
  const sockR = join(dir, 'sock-r');
  for (const d of [sockP, sockR]) mkdirSync(d);
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    for (const d of [dir, sockP, sockR]) chownSync(d, uid, gid);
  }
  const [pp, rp] = [await freePort(), await freePort()];
  const opts = (port: number, sock: string) =>
    `-p ${port} -k ${sock} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  asPostgres(join(bin, 'initdb'), ['-D', primary, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  asPostgres(join(bin, 'pg_ctl'), [
    '-D',
    primary,
    '-l',
    join(dir, 'primary.log'),
    '-w',
    '-t',
    '30',
    '-o',
    opts(pp, sockP),
    'start',
  ]);
  const stops: (() => void)[] = [
    () => asPostgres(join(bin, 'pg_ctl'), ['-D', primary, '-m', 'immediate', '-w', 'stop']),
  ];
  let replicaRunning = false;
  const stopReplica = () => {
    if (!replicaRunning) return;
    replicaRunning = false;
    asPostgres(join(bin, 'pg_ctl'), ['-D', replica, '-m', 'immediate', '-w', 'stop']);
  };
  try {
    asPostgres(join(bin, 'pg_basebackup'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(pp),
      '-U',
      'postgres',
      '-D',
      replica,
      '-R',
      '-X',
      'stream',
    ]);
    asPostgres(join(bin, 'pg_ctl'), [
      '-D',
      replica,
      '-l',
      join(dir, 'replica.log'),
      '-w',
      '-t',
      '30',
      '-o',
      opts(rp, sockR),
      'start',
    ]);
    replicaRunning = true;
  } catch (error) {
    stops.forEach((s) => s());
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${pp}/postgres`,
    replicaUrl: `postgres://postgres@127.0.0.1:${rp}/postgres`,
    stopReplica,
    stop() {
      try {
        stopReplica();
      } catch {
        // already gone
      }
      for (const s of stops) {
        try {
          s();
        } catch {
          // already gone
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
