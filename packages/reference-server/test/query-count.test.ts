import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { systemClock } from '../src/clock.js';
import { generateDemoCatalog } from '../src/seed/demo-catalog.js';
import {
  createCatalogService,
  createProductFragments,
  type ProductFragments,
  createProductHydrator,
} from '../src/services/catalog/index.js';
import { seedCatalog } from '../src/seed/seed-service.js';
import { createCategoryRepository } from '../src/store/category-repository.js';
import type { Queryable } from '../src/store/db.js';
import { createProductRepository } from '../src/store/product-repository.js';
import { forEachDatabase } from './support/databases.js';
import { manualClock } from './support/manual-clock.js';

/** Counts the statements sent through it. */
function counting(db: Queryable): Queryable & { count: number } {
  const wrapper = {
    count: 0,
    query: ((text, params) => {
      wrapper.count += 1;
      return db.query(text, params);
    }) as Queryable['query'],
    exec: (text: string) => {
      wrapper.count += 1;
      return db.exec(text);
    },
  };
  return wrapper;
}

/** A catalog service on a counting connection, and the statements one call of it sends. */
function countedCatalog(db: Queryable, fragments?: ProductFragments) {
  const counted = counting(db);
  const catalog = createCatalogService({
    products: createProductRepository(counted),
    categories: createCategoryRepository(counted),
    ...(fragments ? { fragments } : {}),
  });
  const cost = async (run: () => Promise<unknown>) => {
    counted.count = 0;
    await run();
    return counted.count;
  };
  return { catalog, cost };
}

forEachDatabase('catalog queries', (target) => {
  let seeded = 0;
  before(async () => {
    seeded = (await seedCatalog(target.db, () => generateDemoCatalog(), { clock: systemClock })).products;
  });

  test('seeding the demo catalog writes every product', () => {
    assert.ok(seeded >= 200);
  });

  test('a page of products costs two statements whatever its size or filters: the page, then its products', async () => {
    const { catalog, cost } = countedCatalog(target.db);
    // The page's products, then their variants, images and category paths in one statement.
    assert.equal(await cost(() => catalog.listProducts({ limit: 1 })), 2);
    assert.equal(await cost(() => catalog.listProducts({ limit: 100 })), 2);
    assert.equal(
      await cost(() => catalog.listProducts({ limit: 100, sort: 'rating', in_stock: true, max_price: 100_000 })),
      2,
    );
    const tree = await catalog.listCategories();
    // A category filter first looks the category up, so an unknown one is a 404.
    assert.equal(await cost(() => catalog.listProducts({ limit: 100, category: tree.data[0]?.slug })), 3);
    const [first] = (await catalog.listProducts({ limit: 1 })).data;
    assert.equal(await cost(() => catalog.getProduct(first?.handle ?? '')), 1);
  });

  test('under one cache generation a page whose products were serialized before costs one statement', async () => {
    const { catalog, cost } = countedCatalog(target.db);
    assert.equal(await cost(() => catalog.listProductsJson({ limit: 48 }, 'g1')), 2);
    assert.equal(await cost(() => catalog.listProductsJson({ limit: 48 }, 'g1')), 1);
    // Another filter showing some of the same products reads only the others.
    assert.equal(await cost(() => catalog.listProductsJson({ limit: 24, sort: 'price_desc' }, 'g1')), 2);
    assert.equal(await cost(() => catalog.listProductsJson({ limit: 24, sort: 'price_desc' }, 'g1')), 1);
    // A new generation (an admin write anywhere) reuses nothing.
    assert.equal(await cost(() => catalog.listProductsJson({ limit: 48 }, 'g2')), 2);
  });

  test('a serialized product is reused for at most its time to live', async () => {
    const clock = manualClock();
    const { catalog, cost } = countedCatalog(target.db, createProductFragments({ clock, ttlMs: 60_000 }));
    assert.equal(await cost(() => catalog.listProductsJson({ limit: 12 }, 'g1')), 2);
    clock.advance(59_000);
    assert.equal(await cost(() => catalog.listProductsJson({ limit: 12 }, 'g1')), 1);
    clock.advance(2_000);
    assert.equal(await cost(() => catalog.listProductsJson({ limit: 12 }, 'g1')), 2);
  });

  test('a listed product reads exactly as the same product assembled from its separate rows', async () => {
    const products = createProductRepository(target.db);
    const categories = createCategoryRepository(target.db);
    const catalog = createCatalogService({ products, categories });
    const hydrate = createProductHydrator({ products, categories });
    const listed = (await catalog.listProducts({ limit: 100, sort: 'price_desc' })).data;
    assert.ok(listed.length > 20);
    for (const product of listed) {
      const row = await products.findActive(product.id);
      assert.ok(row);
      const [assembled] = await hydrate([row]);
      // Same JSON text: same values and the same key order.
      assert.equal(JSON.stringify(product), JSON.stringify(assembled));
      assert.equal(JSON.stringify(await catalog.getProduct(product.handle)), JSON.stringify(assembled));
    }
  });
});
