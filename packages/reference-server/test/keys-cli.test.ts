// `shoptag-server keys …` end to end: a key made on the command line works against the API, is
// listed without its secret, and is refused once revoked; on PostgreSQL, with two server processes
// running, a revocation, a rotation's end and an origin change reach both within seconds.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../src/index.js';
import { DEFAULT_KEY_CACHE_TTL_MS } from '../src/services/keys/index.js';
import { createScratchDatabase, TEST_DATABASE_URL } from './support/databases.js';
import { spawnServer, stopServer, type ServerProcess } from './support/server-processes.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const SHOP = 'https://shop.example';
const NEW_SHOP = 'https://new-shop.example';

/** The environment without the caller's server settings, so the CLI sees only what a test gives it. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(PORT|HOST|DATABASE_|REDIS_URL|STRIPE_|SHOPTAG_|LOG_LEVEL)/.test(k)) env[k] = v;
  }
  return { ...env, ...extra };
}

/** Runs the CLI (without blocking the event loop, so in-process servers keep answering). */
function keysCli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--conditions=shoptag-source', '--import', 'tsx', CLI, 'keys', ...args], {
    env: cleanEnv(env),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (status) => resolve({ status, stdout, stderr })),
  );
}

/** The key a create or rotate printed: alone on its last line. */
function lastLine(stdout: string): string {
  const lines = stdout.trimEnd().split('\n');
  return lines[lines.length - 1] ?? '';
}

const keyIdIn = (stdout: string) => /key_[A-Za-z0-9]+/.exec(stdout)?.[0] ?? '';

async function status(url: string, key: string, origin?: string): Promise<number> {
  const res = await fetch(`${url}/v1/products?limit=1`, {
    headers: { authorization: `Bearer ${key}`, ...(origin ? { origin } : {}) },
  });
  await res.arrayBuffer();
  return res.status;
}

/** Polls `check` every 100 ms until it holds; answers the milliseconds it took, or fails after `ms`. */
async function within(ms: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) assert.fail(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}

describe('shoptag-server keys on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shoptag-keys-cli-'));
  const env = { SHOPTAG_DATA_DIR: dataDir };
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('create prints the key alone on its last line; the key works; list never shows it; revoked, it is a 401', async () => {
    const created = await keysCli(['create', '--kind', 'secret', '--mode', 'live', '--name', 'back office'], env);
    assert.equal(created.status, 0, created.stderr);
    const key = lastLine(created.stdout);
    assert.match(key, /^sk_live_[A-Za-z0-9]{32}$/);
    const id = keyIdIn(created.stdout);

    let server = await startServer({ env: {}, dataDir, port: 0, quiet: true });
    try {
      assert.equal(await status(server.url, key), 200);
    } finally {
      await server.close(); // the embedded database has one user at a time
    }

    const listed = await keysCli(['list'], env);
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, /^ID +KIND +MODE +STATUS +NAME +PREFIX +ORIGINS +CREATED +LAST USED\n/);
    assert.match(listed.stdout, new RegExp(`${id} +secret +live +active +back office +${key.slice(0, 12)}… `));
    assert.doesNotMatch(listed.stdout, /LAST USED\n.* - *\n$/, 'the use was recorded');
    assert.ok(!listed.stdout.includes(key), 'the list never shows the key');
    const json = await keysCli(['list', '--json'], env);
    assert.ok(!json.stdout.includes(key));

    const revoked = await keysCli(['revoke', id], env);
    assert.equal(revoked.status, 0, revoked.stderr);
    assert.ok(!revoked.stdout.includes(key));
    server = await startServer({ env: {}, dataDir, port: 0, quiet: true });
    try {
      assert.equal(await status(server.url, key), 401);
    } finally {
      await server.close();
    }
  });

  test('bad arguments are usage errors (exit 64) naming the flag, before the database is touched', async () => {
    const cases: [string[], RegExp][] = [
      [['create', '--mode', 'live'], /--kind publishable or --kind secret/],
      [['create', '--kind', 'publishable', '--mode', 'prod'], /--mode live or --mode test/],
      [
        ['create', '--kind', 'publishable', '--mode', 'live', '--origin', 'shop.example'],
        /--origin must be an http\(s\) URL/,
      ],
      [['create', '--kind', 'secret', '--mode', 'live', '--origin', SHOP], /publishable keys only/],
      [['revoke'], /needs a key id/],
      [['rotate', 'key_x', '--grace', 'soon'], /--grace must be a whole number of seconds/],
      [['origins', 'key_x'], /needs --add URL or --remove URL/],
      [['list', '--kind', 'secret'], /--kind does not apply to "keys list"/],
      [['destroy'], /unknown keys command: destroy/],
    ];
    for (const [args, message] of cases) {
      const r = await keysCli(args, { SHOPTAG_DATA_DIR: join(dataDir, 'never-opened') });
      assert.equal(r.status, 64, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
    assert.equal(existsSync(join(dataDir, 'never-opened')), false, 'no database was opened');
  });
});

describe(
  'shoptag-server keys with two server processes on one PostgreSQL',
  {
    skip: TEST_DATABASE_URL ? false : 'needs PostgreSQL (SHOPTAG_TEST_DATABASE_URL; node scripts/services.mjs -- …)',
  },
  () => {
    let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
    let dataDir: string;
    let a: ServerProcess;
    let b: ServerProcess;
    let env: Record<string, string>;
    /** A change must reach every process within the lookup cache's lifetime, plus slack for a loaded machine. */
    const bound = DEFAULT_KEY_CACHE_TTL_MS + 5_000;

    before(async () => {
      scratch = await createScratchDatabase();
      dataDir = mkdtempSync(join(tmpdir(), 'shoptag-keys-two-'));
      // No Redis: the key lookups' short lifetime is what carries a change to the other process.
      env = { DATABASE_URL: scratch.url, SHOPTAG_DATA_DIR: dataDir };
      a = await spawnServer({ ...env, TEST_SEED: 'false', LOG_LEVEL: 'error' });
      b = await spawnServer({ ...env, TEST_SEED: 'false', LOG_LEVEL: 'error' });
    });
    after(async () => {
      await Promise.all([stopServer(a), stopServer(b)]);
      await scratch?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    test('a key created on the command line works on both; revoked there, both refuse it within seconds', async () => {
      const created = await keysCli(['create', '--kind', 'secret', '--mode', 'live'], env);
      assert.equal(created.status, 0, created.stderr);
      const key = lastLine(created.stdout);
      assert.equal(await status(a.url, key), 200);
      assert.equal(await status(b.url, key), 200);
      assert.equal((await keysCli(['revoke', keyIdIn(created.stdout)], env)).status, 0);
      await within(bound, 'process A refuses the revoked key', async () => (await status(a.url, key)) === 401);
      await within(bound, 'process B refuses the revoked key', async () => (await status(b.url, key)) === 401);
    });

    test('an origin changed through one process applies on the other within seconds, without a restart', async () => {
      const res = await fetch(`${a.url}/v1/admin/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${a.secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'publishable', mode: 'live', allowed_origins: [SHOP] }),
      });
      const created = (await res.json()) as { id: string; secret: string };
      assert.equal(await status(b.url, created.secret, SHOP), 200, 'B caches the key with its origin');
      assert.equal(await status(b.url, created.secret, NEW_SHOP), 403);

      const changed = await keysCli(['origins', created.id, '--add', `${NEW_SHOP}/`, '--remove', SHOP], env);
      assert.equal(changed.status, 0, changed.stderr);
      assert.match(changed.stdout, new RegExp(`${created.id} allows ${NEW_SHOP};`));
      const took = await within(
        bound,
        'process B accepts the added origin',
        async () => (await status(b.url, created.secret, NEW_SHOP)) === 200,
      );
      assert.equal(await status(b.url, created.secret, SHOP), 403, 'and refuses the removed one');
      assert.equal(await status(a.url, created.secret, SHOP), 403);
      assert.ok(took <= bound, `took ${took} ms`);
    });

    test('a key rotated with a grace period keeps working on both until it ends, the new one at once', async () => {
      const created = await keysCli(['create', '--kind', 'publishable', '--mode', 'test', '--origin', SHOP], env);
      const old = lastLine(created.stdout);
      const rotated = await keysCli(['rotate', keyIdIn(created.stdout), '--grace', '3'], env);
      assert.equal(rotated.status, 0, rotated.stderr);
      const fresh = lastLine(rotated.stdout);
      assert.match(fresh, /^pk_test_[A-Za-z0-9]{32}$/);
      assert.notEqual(fresh, old);
      assert.equal(await status(a.url, fresh, SHOP), 200, 'the new key keeps the origins');
      assert.equal(await status(b.url, old, SHOP), 200, 'the old key works during the grace period');
      await within(
        3_000 + bound,
        'process B refuses the old key after the grace period',
        async () => (await status(b.url, old)) === 401,
      );
      assert.equal(await status(b.url, fresh), 200);
    });
  },
);
