// The products, categories and brands that README.md, docs/ and examples/ name exist in the demo
// shop `npm start` seeds, so a snippet pasted from the docs shows something instead of a 404.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { generateDemoCatalog } from '../src/seed/demo-catalog.js';
import { createPgliteDb } from '../src/store/pglite-driver.js';
import { migrate } from '../src/store/migrate.js';
import type { Db } from '../src/store/db.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TEXT_FILE = /\.(md|html|js|mjs|ts|json|css)$/;

/** Names the docs use on purpose for something that does not exist, and what each must do. */
const PLACEHOLDERS: Record<string, 'absent' | 'not-a-name'> = {
  'no-such-product': 'absent', // README's ShopError example: a 404 by design
  'handle-or-id': 'not-a-name', // docs/elements.md: the attribute's description
};

/** Where a product handle, a category slug or a brand is named, in code, tags and URLs. */
const PATTERNS: Record<'product' | 'category' | 'brand', RegExp[]> = {
  product: [
    /<shop-[a-z-]+\b[^>]*?\s(?:product|handle)="([^"{}$]+)"/g,
    /products\.get\(\s*['"]([^'"]+)['"]/g,
    /(?<!admin|media)\/products\/([a-z0-9][a-z0-9-]*)(?![a-z0-9-]*\/import)/g,
    /[?&]handle=([a-z0-9][a-z0-9-]*)/g,
  ],
  category: [
    /<shop-[a-z-]+\b[^>]*?\scategory="([^"{}$]+)"/g,
    /\bcategory:\s*['"]([^'"]+)['"]/g,
    /categories\.get\(\s*['"]([^'"]+)['"]/g,
    /\/v1\/categories\/([a-z0-9][a-z0-9-]*)/g,
  ],
  brand: [/<shop-[a-z-]+\b[^>]*?\sbrand="([^"{}$]+)"/g, /\bbrand:\s*['"]([^'"]+)['"]/g],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'api' ? [] : files(path);
    return TEXT_FILE.test(name) ? [path] : [];
  });
}

type Kind = keyof typeof PATTERNS;
/** Every name the docs use, with the places that use it (`README.md:47`). */
function namedInDocs(): Record<Kind, Map<string, string[]>> {
  const found = { product: new Map(), category: new Map(), brand: new Map() } as Record<Kind, Map<string, string[]>>;
  const sources = [join(ROOT, 'README.md'), ...files(join(ROOT, 'docs')), ...files(join(ROOT, 'examples'))];
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    for (const kind of Object.keys(PATTERNS) as Kind[]) {
      for (const pattern of PATTERNS[kind]) {
        for (const match of text.matchAll(pattern)) {
          const name = match[1] ?? '';
          if (name.includes('…') || PLACEHOLDERS[name] === 'not-a-name') continue;
          const line = text.slice(0, match.index).split('\n').length;
          const places = found[kind].get(name) ?? [];
          found[kind].set(name, [...places, `${relative(ROOT, file)}:${line}`]);
        }
      }
    }
  }
  return found;
}

describe('names used in README.md, docs/ and examples/', () => {
  const named = namedInDocs();
  let db: Db;
  let app: TestApp;

  before(async () => {
    db = await createPgliteDb({ dataDir: null });
    await migrate(db);
    app = await startTestApp(db, { catalog: generateDemoCatalog() });
  });
  after(async () => {
    await app?.close();
    await db?.close();
  });

  test('are found where the docs show them (the extraction is not empty)', () => {
    const readme = [...named.product.entries()].filter(([, places]) => places.some((p) => p.startsWith('README.md')));
    assert.ok(readme.length >= 1, "README's buy-button snippet names a product");
    assert.ok(named.product.size >= 4, `products named: ${[...named.product.keys()].join(', ')}`);
    assert.ok(named.category.size >= 2, `categories named: ${[...named.category.keys()].join(', ')}`);
  });

  test('every product handle is a product of the demo shop', async () => {
    const missing: string[] = [];
    for (const [handle, places] of named.product) {
      const res = await app.request(`/v1/products/${encodeURIComponent(handle)}`);
      if (PLACEHOLDERS[handle] === 'absent') {
        assert.equal(res.status, 404, `${handle} (${places.join(', ')}) is meant not to exist`);
        continue;
      }
      if (res.status !== 200 || (res.body as { handle?: string }).handle !== handle)
        missing.push(`${handle}, named in ${places.join(', ')}`);
    }
    assert.deepEqual(missing, [], 'products the docs name that the demo shop does not have');
  });

  test('every category is a category of the demo shop, with products', async () => {
    for (const [slug, places] of named.category) {
      const res = await app.request(`/v1/categories/${encodeURIComponent(slug)}`);
      assert.equal(res.status, 200, `category ${slug}, named in ${places.join(', ')}, is not in the demo shop`);
      const list = await app.request(`/v1/products?category=${encodeURIComponent(slug)}&limit=1`);
      assert.ok((list.body as { data: unknown[] }).data.length > 0, `category ${slug} has no products`);
    }
  });

  test('every brand sells something in the demo shop', async () => {
    for (const [brand, places] of named.brand) {
      const list = await app.request(`/v1/products?brand=${encodeURIComponent(brand)}&limit=1`);
      assert.equal(list.status, 200);
      assert.ok(
        (list.body as { data: unknown[] }).data.length > 0,
        `brand ${brand}, named in ${places.join(', ')}, has no products in the demo shop`,
      );
    }
  });
});
