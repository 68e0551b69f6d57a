import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import { createPgliteDb } from '../src/store/pglite-driver.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const NODE_ARGS = ['--conditions=shoptag-source', '--import', 'tsx', CLI];

/** The environment without the caller's server settings, so the CLI sees only what a test gives it. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(PORT|HOST|DATABASE_|REDIS_URL|STRIPE_|SHOPTAG_|LOG_LEVEL)/.test(k)) env[k] = v;
  }
  return { ...env, ...extra };
}

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [...NODE_ARGS, ...args], {
    env: cleanEnv(env),
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('shoptag-server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shoptag-cli-test-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('--help lists the commands', () => {
    const r = run(['--help']);
    assert.equal(r.status, 0);
    for (const command of ['start', 'migrate', 'seed', 'recover'])
      assert.match(r.stdout, new RegExp(`\\b${command}\\b`));
  });

  test('an unknown command or flag is a usage error', () => {
    const unknown = run(['serve']);
    assert.equal(unknown.status, 64);
    assert.match(unknown.stderr, /unknown command: serve/);
    const misplaced = run(['migrate', '--reset']);
    assert.equal(misplaced.status, 64);
    assert.match(misplaced.stderr, /--reset does not apply to "migrate"/);
    assert.equal(run(['start', '--port', 'x']).status, 64);
  });

  test('migrate applies the schema once; seed seeds once, and --reset reseeds', () => {
    const env = { SHOPTAG_DATA_DIR: dataDir };
    assert.match(run(['migrate'], env).stdout, /Applied 0001_catalog/);
    assert.match(run(['migrate'], env).stdout, /up to date/);
    assert.match(run(['seed'], env).stdout, /Seeded \d+ products/);
    assert.match(run(['seed'], env).stdout, /already has \d+ products/);
    assert.match(run(['seed', '--reset'], env).stdout, /Seeded \d+ products/);
  });

  test('a migration changed after it was applied stops migrate and start with one line naming its file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shoptag-cli-changed-'));
    try {
      const env = { SHOPTAG_DATA_DIR: dir, HOST: '127.0.0.1' };
      assert.equal(run(['migrate'], env).status, 0);
      // What an edited 0002_catalog_search_media.sql looks like to the database: a different checksum.
      const db = await createPgliteDb({ dataDir: join(dir, 'data') });
      await db.query(`UPDATE schema_migrations SET checksum = 'edited' WHERE version = '0002_catalog_search_media'`);
      await db.close();
      for (const command of [['migrate'], ['start', '--port', '0']]) {
        const r = run(command, env);
        assert.equal(r.status, 65, `${command[0]} exits with 65`);
        assert.match(
          r.stderr,
          /^shoptag-server: migration 0002_catalog_search_media\.sql has changed since it was applied to this database/,
        );
        assert.equal(r.stderr.trim().split('\n').length, 1, 'one line, no stack');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('recover runs one pass of placement recovery and lists what is unresolved', () => {
    const r = run(['recover', '--older-than', '0'], { SHOPTAG_DATA_DIR: dataDir });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Recovery pass: 0 orders placed and paid, 0 pending orders paid, 0 cancelled .* 0 left\n/);
    assert.match(r.stdout, /Nothing is unresolved\./);
    assert.equal(run(['recover', '--older-than', 'soon'], { SHOPTAG_DATA_DIR: dataDir }).status, 64);
  });

  test('a port in use is one line saying so, without a stack', async () => {
    const blocker = createNetServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    try {
      const port = (blocker.address() as AddressInfo).port;
      const r = run(['start', '--port', String(port)], { SHOPTAG_DATA_DIR: dataDir, HOST: '127.0.0.1' });
      assert.equal(r.status, 1);
      assert.equal(
        r.stderr.trim(),
        `shoptag-server: Port ${port} is already in use. Stop the other server or pick another port (PORT=… or --port …).`,
      );
    } finally {
      blocker.close();
    }
  });

  /** Runs `start` until its banner names the URL, checks health, then stops it with SIGTERM. */
  async function startAndStop(dir: string, args: string[] = ['--demo']): Promise<string> {
    const child = spawn(process.execPath, [...NODE_ARGS, 'start', ...args, '--port', '0'], {
      env: cleanEnv({ SHOPTAG_DATA_DIR: dir }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /(?:demo shop|api) +(http:\/\/\S+?)(?:\/v1)?\n/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    assert.equal((await fetch(`${url}/v1/health`)).status, 200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    return stdout;
  }

  // A data directory of their own: the first start there creates the keys.
  const bannerDir = mkdtempSync(join(tmpdir(), 'shoptag-cli-banner-'));
  after(() => rmSync(bannerDir, { recursive: true, force: true }));
  let firstBanner = '';

  test('start --demo prints the banner with the demo keys, serves, and exits cleanly on SIGTERM', async () => {
    const stdout = await startAndStop(bannerDir);
    firstBanner = stdout;
    assert.match(stdout, /^Shoptag reference server \d+\.\d+\.\d+/);
    assert.match(stdout, /database +PGlite \(embedded\) at /);
    assert.match(stdout, /cache +in-process/);
    assert.match(stdout, /payments +simulated/);
    assert.match(
      stdout,
      /keys +publishable pk_test_\w+ +secret sk_test_\w+ +\(stored in .*keys\.json; the secret key is not printed again\)/,
    );
  });

  test("a later start --demo prints only the secret key's prefix and where it is stored", async () => {
    const secretKey = /secret (sk_test_\w+)/.exec(firstBanner)?.[1];
    assert.ok(secretKey, 'the first start printed the secret key it created');
    const stdout = await startAndStop(bannerDir);
    assert.match(stdout, /keys +publishable pk_test_\w+ +secret sk_test_\w{4}… +\(stored in .*keys\.json\)\n/);
    assert.ok(stdout.includes(secretKey.slice(0, 12)), 'the prefix tells the key apart');
    assert.ok(!stdout.includes(secretKey), 'the whole secret key is not printed');
  });

  test('start without --demo seeds nothing, creates no key, and says how to create the first keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shoptag-cli-production-'));
    try {
      const stdout = await startAndStop(dir, []);
      assert.match(stdout, /catalog +0 products\n/);
      assert.match(stdout, /No API keys yet/);
      assert.match(stdout, /shoptag-server keys create --kind secret --mode live/);
      assert.match(
        stdout,
        /shoptag-server keys create --kind publishable --mode live --origin https:\/\/shop\.example\.com/,
      );
      assert.doesNotMatch(stdout, /pk_test_|sk_test_/);
      assert.equal(existsSync(join(dir, 'keys.json')), false, 'no demo keys file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--reseed without --demo is a usage error', () => {
    const r = run(['start', '--reseed'], { SHOPTAG_DATA_DIR: dataDir });
    assert.equal(r.status, 64);
    assert.match(r.stderr, /--reseed .* with --demo/);
  });
});
