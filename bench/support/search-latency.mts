// Child process of `npm run bench` (run with tsx and the shoptag-source condition, since it uses
// server internals): seeds a generated catalog of N products into the PostgreSQL database named by
// DATABASE_URL, then times the search service (SQL, facets and hydration; no HTTP, no cache) for a
// fixed set of mixed queries and prints one JSON line with p50/p95 per kind.
import { systemClock } from '../../packages/reference-server/src/clock.js';
import { generateDemoCatalog } from '../../packages/reference-server/src/seed/demo-catalog.js';
import { createSearchService } from '../../packages/reference-server/src/services/search/index.js';
import { seedCatalog } from '../../packages/reference-server/src/seed/seed-service.js';
import { createCategoryRepository } from '../../packages/reference-server/src/store/category-repository.js';
import { migrate } from '../../packages/reference-server/src/store/migrate.js';
import { createPgDb } from '../../packages/reference-server/src/store/pg-driver.js';
import { createProductRepository } from '../../packages/reference-server/src/store/product-repository.js';
import { createSearchRepository } from '../../packages/reference-server/src/store/search-repository.js';

const products = Number(process.env.BENCH_PRODUCTS ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const db = createPgDb({ connectionString: process.env.DATABASE_URL ?? '', max: 4 });
const log = (m: string) => process.stderr.write(`[bench search] ${m}\n`);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const summary = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  return {
    p50: +percentile(s, 50).toFixed(2),
    p95: +percentile(s, 95).toFixed(2),
    max: +(s.at(-1) ?? 0).toFixed(2),
    samples: s.length,
  };
};

try {
  await migrate(db);
  let started = Date.now();
  const seeded = await seedCatalog(db, () => generateDemoCatalog({ products }), { reset: true, clock: systemClock });
  // A steady catalog, as autovacuum leaves it within a minute of a bulk load: statistics, the
  // visibility map and hint bits set, the load's dirty pages written out before timing starts.
  await db.exec('VACUUM ANALYZE');
  await db.exec('CHECKPOINT');
  const seedSeconds = (Date.now() - started) / 1000;
  log(`seeded ${seeded.products} products in ${seedSeconds.toFixed(1)} s`);

  const categories = createCategoryRepository(db);
  const search = createSearchService({
    search: createSearchRepository(db),
    products: createProductRepository(db),
    categories,
  });
  // Words from the catalog itself, so the queries find something; typos made from them.
  const sample = (await search.search({ limit: 40, sort: 'rating', facets: [] })).data;
  const words = [
    ...new Set(sample.flatMap((p) => p.name.toLowerCase().split(/\s+/)).filter((w) => w.length >= 5)),
  ].slice(0, 8);
  const brands = [...new Set(sample.map((p) => p.brand))].slice(0, 3);
  const swap = (w: string) => `${w.slice(0, 1)}${w[2]}${w[1]}${w.slice(3)}`;
  const tree = await categories.listAll();
  const queries = [
    ...words.map((q) => ({ q })),
    ...words.slice(0, 4).map((w) => ({ q: swap(w) })),
    ...words.slice(0, 4).map((w) => ({ q: w.slice(0, 3) })),
    ...words.slice(0, 3).map((w, i) => ({ q: `${w} ${words[i + 3] ?? ''}`.trim() })),
    ...words.slice(0, 3).map((q) => ({ q, in_stock: true, sort: 'price_asc' as const })),
    ...brands.map((brand, i) => ({ q: words[i] ?? '', brand })),
    ...tree.slice(0, 3).map((c, i) => ({ q: words[i] ?? '', category: c.slug, max_price: 10_000 })),
    { q: words[0] ?? '', min_rating: 4, sort: 'rating' as const },
  ];
  const prefixes = [
    ...words.flatMap((w) => [w.slice(0, 2), w.slice(0, 4)]),
    ...tree.slice(0, 4).map((c) => c.name.slice(0, 3).toLowerCase()),
  ];

  for (const q of queries) await search.search(q); // warm the caches of PostgreSQL
  const searchMs: number[] = [];
  const byQuery = new Map<string, number[]>();
  const time = (key: string, ms: number, into: number[]) => {
    into.push(ms);
    byQuery.set(key, [...(byQuery.get(key) ?? []), ms]);
  };
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      started = performance.now();
      await search.search(q);
      time(
        `search ${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`,
        performance.now() - started,
        searchMs,
      );
    }
  }
  const suggestMs: number[] = [];
  for (const p of prefixes) await search.suggest(p);
  for (let r = 0; r < rounds; r++) {
    for (const p of prefixes) {
      started = performance.now();
      await search.suggest(p);
      time(`suggest q=${p}`, performance.now() - started, suggestMs);
    }
  }
  // The slowest queries by their median, so a reader sees what the tail is made of.
  const slowest = [...byQuery]
    .map(([query, ms]) => ({ query, p50: summary(ms).p50 }))
    .sort((a, b) => b.p50 - a.p50)
    .slice(0, 5);
  process.stdout.write(
    `${JSON.stringify({ products: seeded.products, seedSeconds, queries: queries.length, prefixes: prefixes.length, search: summary(searchMs), suggest: summary(suggestMs), slowest })}\n`,
  );
} finally {
  await db.close();
}
