// `npm run bench`: measures what users feel — download sizes and server throughput/latency —
// and writes bench/results/latest.json and latest.md. Server figures are ratios to a bare Express
// endpoint serving the same JSON, measured in the same run on the same machine.
//   node bench/run.mjs [section …]    sections: sizes wire catalog carts search checkout start
import { mkdirSync, writeFileSync, mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem, loadavg } from 'node:os';
import { join } from 'node:path';
import { measureSizes } from './support/sizes.mjs';
import { measurePair, LOAD } from './support/load.mjs';
import { startChild } from './support/processes.mjs';
import { searchSection } from './support/search.mjs';
import { measureUncachedLoad } from './support/uncached.mjs';
import { cartsSection } from './support/carts.mjs';
import { checkoutSection } from './support/checkout.mjs';
import { wireGet, wireSection } from './support/wire.mjs';
import { freshStartSection } from './support/fresh-start.mjs';
import { startTestServices } from '../scripts/services.mjs';

const log = (m) => console.error(`[bench] ${m}`);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
/** What Chromium sends: the server picks br. */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

async function catalogSection() {
  const rows = [];
  const tmp = mkdtempSync(join(tmpdir(), 'shoptag-bench-'));
  const stopServices = await startTestServices({ log });
  const targets = [{ label: 'PGlite, in-process cache', slug: 'pglite', env: {} }];
  if (process.env.SHOPTAG_TEST_DATABASE_URL) {
    targets.push({
      label: 'PostgreSQL, Redis',
      slug: 'postgres',
      env: { DATABASE_URL: process.env.SHOPTAG_TEST_DATABASE_URL, REDIS_URL: process.env.SHOPTAG_TEST_REDIS_URL ?? '' },
    });
  }
  try {
    for (const target of targets) {
      log(`catalog list on ${target.label}`);
      const server = await startChild('bench/support/serve.mjs', [], { ...target.env, SHOPTAG_DATA_DIR: tmp });
      try {
        const path = '/v1/products?limit=24';
        const headers = { authorization: `Bearer ${server.publishableKey}` };
        // Compression on, as a browser asks for it: the server answers br from its cache.
        const compressed = { ...headers, 'accept-encoding': BROWSER_ACCEPT_ENCODING };
        const identity = await wireGet(server.url + path, 'identity', headers);
        const br = await wireGet(server.url + path, BROWSER_ACCEPT_ENCODING, headers);
        if (br.encoding !== 'br') throw new Error(`GET ${path} answered ${br.encoding}, not br, to a browser`);
        const bodyFile = join(tmp, 'products.json');
        const brFile = join(tmp, 'products.json.br');
        writeFileSync(bodyFile, identity.bytes);
        writeFileSync(brFile, br.bytes);
        const bare = await startChild('bench/support/bare-express.mjs', [bodyFile]);
        const bareBr = await startChild('bench/support/bare-express.mjs', [brFile, 'br']);
        try {
          // Baseline and ours alternate in rounds, so the machine's load drifts onto both alike.
          const brPair = await measurePair(
            { url: bareBr.url + path, headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING } },
            { url: server.url + path, headers: compressed },
          );
          const baselineBr = brPair.baseline;
          const ours = brPair.ours;
          rows.push({
            id: `catalog.cached.${target.slug}`,
            name: `GET /v1/products?limit=24 (24 priced products), from cache, br (${kb(br.bytes.length)} on the wire) — ${target.label}`,
            encoding: 'br',
            baseline: baselineBr,
            ours,
            ratio: ours.requestsPerSecond / baselineBr.requestsPerSecond,
          });
          const identityPair = await measurePair(
            { url: bare.url + path, headers: {} },
            { url: server.url + path, headers },
          );
          const baseline = identityPair.baseline;
          const plain = identityPair.ours;
          rows.push({
            id: `catalog.cached-identity.${target.slug}`,
            name: `GET /v1/products?limit=24, from cache, no Accept-Encoding (${kb(identity.bytes.length)}) — ${target.label}`,
            encoding: 'identity',
            baseline,
            ours: plain,
            ratio: plain.requestsPerSecond / baseline.requestsPerSecond,
          });
          const uncached = await measureUncachedLoad(server.url + path, compressed);
          rows.push({
            id: `catalog.uncached.${target.slug}`,
            name: `GET /v1/products?limit=24&max_price=<random>, uncached, br — ${target.label}`,
            encoding: 'br',
            baseline: baselineBr,
            ours: uncached,
            ratio: uncached.requestsPerSecond / baselineBr.requestsPerSecond,
          });
          // The same with product reuse off: every page reads and serializes all of its products.
          await server.stop();
          const cold = await startChild('bench/support/serve.mjs', [], {
            ...target.env,
            SHOPTAG_DATA_DIR: tmp,
            SHOPTAG_PRODUCT_CACHE_MB: '0',
          });
          try {
            const coldHeaders = {
              authorization: `Bearer ${cold.publishableKey}`,
              'accept-encoding': BROWSER_ACCEPT_ENCODING,
            };
            const ours = await measureUncachedLoad(cold.url + path, coldHeaders);
            rows.push({
              id: `catalog.uncached-no-reuse.${target.slug}`,
              name: `GET /v1/products?limit=24&max_price=<random>, uncached, br, no product reuse (SHOPTAG_PRODUCT_CACHE_MB=0) — ${target.label}`,
              encoding: 'br',
              baseline: baselineBr,
              ours,
              ratio: ours.requestsPerSecond / baselineBr.requestsPerSecond,
            });
          } finally {
            await cold.stop();
          }
        } finally {
          await Promise.all([bare.stop(), bareBr.stop()]);
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    stopServices();
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}

async function cartsOnEachDatabase() {
  const stopServices = await startTestServices({ log });
  try {
    const targets = [];
    if (process.env.SHOPTAG_TEST_DATABASE_URL) {
      targets.push({
        label: 'PostgreSQL, Redis',
        slug: 'postgres',
        env: {
          DATABASE_URL: process.env.SHOPTAG_TEST_DATABASE_URL,
          REDIS_URL: process.env.SHOPTAG_TEST_REDIS_URL ?? '',
        },
      });
    }
    targets.push({ label: 'PGlite, in-process cache', slug: 'pglite', env: {} });
    return await cartsSection({ log, targets });
  } finally {
    stopServices();
  }
}

async function searchOnPostgres() {
  const stopServices = await startTestServices({ log });
  try {
    return await searchSection({ log, products: Number(process.env.BENCH_SEARCH_PRODUCTS ?? 100_000) });
  } finally {
    stopServices();
  }
}

async function checkoutOnPostgres() {
  const stopServices = await startTestServices({ log });
  try {
    if (!process.env.SHOPTAG_TEST_DATABASE_URL) {
      log('checkout: PostgreSQL is not installed; measuring on PGlite');
      return await checkoutSection({ log, target: { label: 'PGlite, in-process cache', slug: 'pglite', env: {} } });
    }
    return await checkoutSection({
      log,
      target: {
        label: 'PostgreSQL, Redis',
        slug: 'postgres',
        env: {
          DATABASE_URL: process.env.SHOPTAG_TEST_DATABASE_URL,
          REDIS_URL: process.env.SHOPTAG_TEST_REDIS_URL ?? '',
        },
      },
    });
  } finally {
    stopServices();
  }
}

const SECTIONS = {
  sizes: measureSizes,
  wire: () => wireSection({ log }),
  catalog: catalogSection,
  search: searchOnPostgres,
  carts: cartsOnEachDatabase,
  checkout: checkoutOnPostgres,
  start: () => freshStartSection({ log }),
};
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(SECTIONS);
const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    // Other work on the machine skews throughput figures: say how busy it was when the run began.
    loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
  },
  load: LOAD,
};
const unknown = wanted.filter((name) => !(name in SECTIONS));
if (unknown.length) {
  console.error(`unknown section(s): ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
// A partial run keeps the other sections of the last report, each with the date it was measured.
const previous = existsSync('bench/results/latest.json')
  ? JSON.parse(readFileSync('bench/results/latest.json', 'utf8'))
  : {};
results.measuredAt = { ...(previous.measuredAt ?? {}) };
results.loadAverageAt = { ...(previous.loadAverageAt ?? {}) };
for (const name of Object.keys(SECTIONS)) {
  if (!wanted.includes(name) && previous[name]) {
    results[name] = previous[name];
    results.measuredAt[name] ??= previous.date;
  }
}
for (const name of wanted) {
  log(`section ${name}`);
  results.loadAverageAt[name] = loadavg().map((n) => Number(n.toFixed(2)));
  results[name] = await SECTIONS[name]();
  results.measuredAt[name] = new Date().toISOString();
}

const md = [
  `# Shoptag benchmarks`,
  '',
  `${results.date} · ${results.machine.cpus} × ${results.machine.cpu} · ${results.machine.memoryGiB} GiB · Node ${results.machine.node} · load average at start ${results.machine.loadAverage?.join(' / ') ?? 'unknown'}`,
  '',
];
const loads = Object.entries(results.loadAverageAt).filter(([name]) => results[name]);
if (loads.length)
  md.push(
    `Load average (1 / 5 / 15 min) as each section began — other work on the machine lowers throughput figures: ${loads.map(([name, l]) => `${name} ${l.join(' / ')}`).join(', ')}.`,
    '',
  );
const stale = Object.keys(SECTIONS).filter((name) => results[name] && !wanted.includes(name));
if (stale.length)
  md.push(
    `Sections kept from earlier runs: ${stale.map((name) => `${name} (${results.measuredAt[name] ?? 'date unknown'})`).join(', ')}.`,
    '',
  );
if (results.sizes) {
  md.push('## Download sizes', '', '| what | raw | gzip | brotli |', '|---|---:|---:|---:|');
  for (const s of results.sizes) md.push(`| ${s.name} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`);
  md.push('');
}
if (results.wire) {
  md.push(
    '## Bytes on the wire',
    '',
    'What the reference server sends (demo catalogue), each body counted as it arrives, with `Accept-Encoding` naming only that coding. Files under 1 KiB are sent as they are.',
    '',
    '| what | identity | gzip | br | br ÷ identity |',
    '|---|---:|---:|---:|---:|',
  );
  for (const w of results.wire)
    md.push(
      `| ${w.name} | ${kb(w.identity)} | ${kb(w.gzip)} | ${kb(w.br)} | ${((w.br / w.identity) * 100).toFixed(1)} % |`,
    );
  md.push('');
}
if (results.catalog) {
  md.push(
    '## Catalog reads (autocannon, loopback)',
    '',
    `${LOAD.connections} connections, ${LOAD.seconds} s for each side after ${LOAD.warmupSeconds} s warm-up, the cached rows alternating baseline and ours in ${LOAD.rounds} rounds; ratio = our requests/s ÷ a bare Express endpoint serving the same bytes in the same run: with compression on (\`Accept-Encoding: ${BROWSER_ACCEPT_ENCODING}\`, as Chromium sends) our server answers br and the bare endpoint sends the same br bytes with \`Content-Encoding: br\`; the identity row asks for no coding and compares with the bare endpoint sending the JSON. Target: ≥ 90 % from cache, ≥ 40 % uncached. Uncached: each request has its own max_price, so the response cache misses and the page is selected in the database with its products' live stock; products already serialized by this process with the same stock (and cache generation) are reused instead of being read and serialized again — on this catalog most pages share products, so most are reused; the row with no product reuse reads and serializes every product of every page.`,
    '',
  );
  md.push('| endpoint | bare Express req/s | ours req/s | ratio | ours p50 / p99 ms |', '|---|---:|---:|---:|---:|');
  for (const r of results.catalog)
    md.push(
      `| ${r.name} | ${r.baseline.requestsPerSecond} | ${r.ours.requestsPerSecond} | ${(r.ratio * 100).toFixed(1)} % | ${r.ours.latencyMs.p50} / ${r.ours.latencyMs.p99} |`,
    );
  md.push('');
}
if (results.carts) {
  md.push(
    '## Stock holds and add-to-cart',
    '',
    `Holds: ${results.carts[0]?.holds.attempts ?? 0} concurrent \`POST /v1/admin/inventory/holds\` for one variant with ${results.carts[0]?.holds.units ?? 0} units; correct = exactly that many succeed, the rest answer 409, and on_hand/reserved end equal. Add-to-cart: \`POST /v1/carts/:id/items\` over ${LOAD.connections} connections, ratio to a bare Express endpoint that parses the same body and answers the same cart JSON.`,
    '',
  );
  md.push(
    '| database | hold attempts/s | succeeded / refused | correct | add-to-cart req/s | bare Express req/s | ratio | p50 / p99 ms |',
    '|---|---:|---:|:---:|---:|---:|---:|---:|',
  );
  for (const r of results.carts) {
    md.push(
      `| ${r.target} | ${r.holds.attemptsPerSecond} | ${r.holds.succeeded} / ${r.holds.refused} | ${r.holds.correct ? 'yes' : 'NO'} | ${r.addToCart.ours.requestsPerSecond} | ${r.addToCart.baseline.requestsPerSecond} | ${(r.addToCart.ratio * 100).toFixed(1)} % | ${r.addToCart.ours.latencyMs.p50} / ${r.addToCart.ours.latencyMs.p99} |`,
    );
  }
  md.push('');
}
if (results.checkout) {
  md.push(
    '## Checkout completions',
    '',
    `\`POST /v1/checkout-sessions/:id/complete\` with the simulated provider (hold kept, payment authorized, order transaction with the hold converted to a sale, capture), one per ready session, ${LOAD.connections} in flight; ratio to a bare Express endpoint that parses the same body and answers the same order JSON, driven by the same client in the same run.`,
    '',
  );
  md.push(
    '| database | what is bought | sessions | bare Express req/s | completions/s | ratio | p50 / p99 ms |',
    '|---|---|---:|---:|---:|---:|---:|',
  );
  for (const r of results.checkout)
    md.push(
      `| ${r.target} | ${r.stock ?? 'one variant'} | ${r.sessions} | ${r.baseline.requestsPerSecond} | ${r.ours.requestsPerSecond} | ${(r.ratio * 100).toFixed(1)} % | ${r.ours.latencyMs.p50} / ${r.ours.latencyMs.p99} |`,
    );
  md.push('');
}
if (results.search) {
  const s = results.search;
  const mark = (value, target) => `${value} ms ${value <= target ? '✓' : '✗'} (target ≤ ${target} ms)`;
  md.push(
    '## Search on PostgreSQL',
    '',
    `${s.products} generated products (seeded in ${s.seedSeconds.toFixed(0)} s). Search service timed without HTTP or the response cache: ${s.queries} mixed queries (words, typos, prefixes, two words, filters, facets, sorts) and ${s.prefixes} suggest prefixes, ${s.search.samples / s.queries} rounds after one warm-up.`,
    '',
  );
  md.push('| what | p50 | p95 | max |', '|---|---:|---:|---:|');
  md.push(
    `| search (page + all facets) | ${s.search.p50} ms | ${mark(s.search.p95, s.targets.searchP95Ms)} | ${s.search.max} ms |`,
  );
  md.push(
    `| suggest | ${s.suggest.p50} ms | ${mark(s.suggest.p95, s.targets.suggestP95Ms)} | ${s.suggest.max} ms |`,
    '',
  );
  if (s.slowest?.length) {
    md.push('Slowest queries (median of the rounds):', '', '| query | p50 |', '|---|---:|');
    for (const q of s.slowest) md.push(`| \`${q.query}\` | ${q.p50} ms |`);
    md.push('');
  }
}
if (results.start) {
  const ready = results.start.find((r) => r.id === 'start.to-ready');
  md.push(
    '## First start (fresh clone)',
    '',
    `A fresh clone of ${ready?.commit?.slice(0, 10) ?? 'this commit'} in a temporary folder: \`npm ci\`, then \`npm start\` until its ready banner, and \`/\`, \`/shoptag.js\` and \`/v1/health\` answering. Budget: start to ready ≤ 60 s (\`npm ci\` is reported apart: it depends on the network and npm's cache). Load average (1 min) ${ready?.loadAverage?.before ?? '?'} before, ${ready?.loadAverage?.after ?? '?'} after, on a machine others share.`,
    '',
    '| id | what | seconds |',
    '|---|---|---:|',
  );
  for (const r of results.start) md.push(`| \`${r.id}\` | ${r.name} | ${r.seconds ?? '—'} |`);
  md.push('', 'What `npm start` printed, with the second each line appeared:', '', '```');
  for (const { at, line } of ready?.progress ?? [])
    md.push(`${String(at.toFixed(1)).padStart(5)} s  ${line.replace(/(pk|sk)_test_\w+/g, '$1_test_…')}`);
  md.push('```', '');
}
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
writeFileSync('bench/results/latest.md', `${md.join('\n')}\n`);
console.log(md.join('\n'));
log('wrote bench/results/latest.json and bench/results/latest.md');
