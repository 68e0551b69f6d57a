// `npm run bench search`: search and suggest latency on a generated catalog on real PostgreSQL
// (a scratch database on the test server), measured in a child process (bench/support/search-latency.mts).
import { spawn } from 'node:child_process';
import pg from 'pg';

export const SEARCH_TARGETS = { searchP95Ms: 20, suggestP95Ms: 10 };

export async function searchSection({ log, products = 100_000 }) {
  const admin = process.env.SHOPTAG_TEST_DATABASE_URL;
  if (!admin) {
    log('search: skipped (no PostgreSQL server installed)');
    return null;
  }
  const name = `shoptag_bench_search_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  try {
    log(`search: seeding ${products} products on PostgreSQL and timing queries`);
    const out = await new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--conditions=shoptag-source', '--import', 'tsx', 'bench/support/search-latency.mts'],
        {
          env: { ...process.env, DATABASE_URL: url.toString(), BENCH_PRODUCTS: String(products) },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let text = '';
      child.stdout.on('data', (c) => (text += c));
      child.on('close', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`search benchmark exited with ${code}`)),
      );
    });
    return { ...JSON.parse(String(out).trim().split('\n').at(-1)), targets: SEARCH_TARGETS };
  } finally {
    const drop = new pg.Client({ connectionString: admin });
    await drop.connect();
    await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await drop.end();
  }
}
