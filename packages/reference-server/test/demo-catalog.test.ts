import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateDemoCatalog, type SeedCatalog, type SeedProduct } from '../src/seed/demo-catalog.js';
import { renderProductImage } from '../src/seed/product-image.js';

const catalog = generateDemoCatalog();
const { products, categories } = catalog;
const variants = products.flatMap((p) => p.variants);
const isSoldOut = (p: SeedProduct) => p.variants.every((v) => v.onHand === 0);
const isLow = (p: SeedProduct) => !isSoldOut(p) && p.variants.some((v) => v.onHand >= 1 && v.onHand <= 3);
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

test('the catalog is the same on every run', () => {
  assert.deepEqual(generateDemoCatalog(), catalog);
  assert.equal(
    JSON.stringify(generateDemoCatalog({ seed: 7, products: 50 })),
    JSON.stringify(generateDemoCatalog({ seed: 7, products: 50 })),
  );
});

test('a different seed gives a different shop', () => {
  assert.notDeepEqual(generateDemoCatalog({ seed: 1 }).products, products);
});

test('the default catalog has 240 products and a smaller one can be asked for', () => {
  assert.equal(products.length, 240);
  assert.equal(generateDemoCatalog({ products: 20 }).products.length, 20);
  assert.equal(generateDemoCatalog({ products: 0 }).products.length, 0);
  assert.throws(() => generateDemoCatalog({ products: 1.5 }), RangeError);
  assert.throws(() => generateDemoCatalog({ products: -1 }), RangeError);
});

test('at least 8 top-level categories each have 2 to 4 subcategories', () => {
  const tops = categories.filter((c) => c.parentId === null);
  assert.ok(tops.length >= 8, `${tops.length} top-level categories`);
  for (const top of tops) {
    const children = categories.filter((c) => c.parentId === top.id);
    assert.ok(children.length >= 2 && children.length <= 4, `${top.slug} has ${children.length} children`);
    for (const child of children) assert.equal(categories.filter((c) => c.parentId === child.id).length, 0);
  }
});

test('products belong only to subcategories, and every subcategory has products', () => {
  const subcategoryIds = new Set(categories.filter((c) => c.parentId !== null).map((c) => c.id));
  for (const p of products) assert.ok(subcategoryIds.has(p.categoryId), `${p.handle} is in ${p.categoryId}`);
  for (const id of subcategoryIds)
    assert.ok(
      products.some((p) => p.categoryId === id),
      `${id} is empty`,
    );
});

test('at least 10 brands sell products', () => {
  assert.ok(new Set(products.map((p) => p.brand)).size >= 10);
});

test('ids, handles, slugs and SKUs are unique and well formed', () => {
  const unique = (values: string[], what: string) =>
    assert.equal(new Set(values).size, values.length, `${what} repeat`);
  unique(
    categories.map((c) => c.id),
    'category ids',
  );
  unique(
    categories.map((c) => c.slug),
    'category slugs',
  );
  unique(
    products.map((p) => p.id),
    'product ids',
  );
  unique(
    products.map((p) => p.handle),
    'handles',
  );
  unique(
    variants.map((v) => v.id),
    'variant ids',
  );
  unique(
    variants.map((v) => v.sku),
    'SKUs',
  );
  unique(
    products.flatMap((p) => p.images.map((i) => i.id)),
    'image ids',
  );
  const handle = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  for (const c of categories) {
    assert.match(c.id, /^cat_[A-Za-z0-9]+$/);
    assert.match(c.slug, handle);
  }
  for (const p of products) {
    assert.match(p.id, /^prod_[A-Za-z0-9]+$/);
    assert.match(p.handle, handle);
    for (const v of p.variants) assert.match(v.id, /^var_[A-Za-z0-9]+$/);
    for (const i of p.images) assert.match(i.id, /^img_[A-Za-z0-9]+$/);
  }
});

test('some products are sold out, some are low on stock and single variants can be out', () => {
  const soldOut = products.filter(isSoldOut).length;
  const low = products.filter(isLow).length;
  assert.ok(soldOut >= products.length * 0.05 && soldOut <= products.length * 0.12, `${soldOut} sold out`);
  assert.ok(low >= products.length * 0.05, `${low} low on stock`);
  assert.ok(products.some((p) => !isSoldOut(p) && p.variants.some((v) => v.onHand === 0)));
  assert.ok(products.filter((p) => p.variants.every((v) => v.onHand > 3)).length > products.length / 2);
  for (const v of variants) assert.ok(Number.isInteger(v.onHand) && v.onHand >= 0);
});

test('prices are integer cents ending in 00, 50 or 99', () => {
  for (const v of variants) {
    for (const amount of [v.price, v.compareAtPrice ?? v.price]) {
      assert.ok(Number.isInteger(amount) && amount > 0, `${v.sku} costs ${amount}`);
      assert.ok([0, 50, 99].includes(amount % 100), `${v.sku} costs ${amount}`);
    }
  }
});

test('about a fifth of products are on sale, with compare-at prices above the price', () => {
  const onSale = products.filter((p) => p.variants.some((v) => v.compareAtPrice !== null));
  assert.ok(onSale.length >= products.length * 0.15 && onSale.length <= products.length * 0.25);
  for (const v of variants) if (v.compareAtPrice !== null) assert.ok(v.compareAtPrice > v.price, v.sku);
  for (const p of onSale)
    assert.ok(
      p.variants.every((v) => v.compareAtPrice !== null),
      `${p.handle} is half on sale`,
    );
});

test('apparel and footwear have sizes, and there are colour-only and single-variant products', () => {
  const parentSlugOf = (p: SeedProduct) => {
    const sub = categories.find((c) => c.id === p.categoryId);
    return categories.find((c) => c.id === sub?.parentId)?.slug;
  };
  for (const p of products.filter((p) => ['apparel', 'footwear'].includes(parentSlugOf(p) ?? ''))) {
    assert.equal(p.options[0]?.name, 'Size', p.handle);
  }
  assert.ok(products.some((p) => p.options.length === 1 && p.options[0]?.name === 'Colour'));
  const singles = products.filter((p) => p.options.length === 0);
  assert.ok(singles.length > 0);
  for (const p of singles)
    assert.deepEqual(
      p.variants.map((v) => [v.title, v.options]),
      [['Default', {}]],
    );
  for (const p of products) {
    const combinations = p.options.reduce((n, o) => n * o.values.length, 1);
    assert.equal(p.variants.length, combinations, p.handle);
    for (const v of p.variants)
      assert.deepEqual(
        Object.keys(v.options),
        p.options.map((o) => o.name),
      );
  }
  assert.ok(
    products.some((p) => new Set(p.variants.map((v) => v.price)).size > 1),
    'no variant costs more',
  );
});

test('each product has 1 to 3 images and colour variants show their colour', () => {
  for (const p of products) {
    assert.ok(p.images.length >= 1 && p.images.length <= 3, p.handle);
    const imageIds = new Set(p.images.map((i) => i.id));
    for (const image of p.images) {
      assert.equal(image.url, `/media/products/${image.id}.svg`);
      assert.equal(image.width, 800);
      assert.equal(image.height, 800);
    }
    for (const v of p.variants) {
      const colour = v.options['Colour'];
      if (colour === undefined) continue;
      assert.ok(v.imageId !== null && imageIds.has(v.imageId), v.sku);
      assert.match(p.images.find((i) => i.id === v.imageId)?.alt ?? '', new RegExp(`${colour}$`));
    }
  }
});

test('ratings are 0 to 5 with one decimal, and unrated products average 0', () => {
  for (const { rating } of products) {
    assert.ok(rating.average >= 0 && rating.average <= 5);
    assert.equal(Math.round(rating.average * 10) / 10, rating.average);
    assert.ok(Number.isInteger(rating.count) && rating.count >= 0);
    if (rating.count === 0) assert.equal(rating.average, 0);
  }
  assert.ok(products.some((p) => p.rating.count === 0));
});

test('copy reads like a shop: one-sentence summaries and descriptions in safe tags only', () => {
  for (const p of products) {
    assert.match(p.shortDescription, /^[A-Z][^.]*\.$/, p.shortDescription);
    const tags = [...p.descriptionHtml.matchAll(/<\/?([a-z]+)[^>]*>/g)].map((m) => m[1]);
    for (const tag of tags)
      assert.ok(['p', 'ul', 'li', 'strong', 'em'].includes(tag ?? ''), `${p.handle} uses <${tag}>`);
    assert.equal(p.descriptionHtml.match(/<p>/g)?.length, 2);
    assert.equal(p.descriptionHtml.match(/<ul>/g)?.length, 1);
    assert.ok(p.tags.length > 0);
  }
});

test('products were created on fixed dates in 2025 and 2026', () => {
  for (const p of products) assert.match(p.createdAt, /^202[56]-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
  assert.ok(new Set(products.map((p) => p.createdAt.slice(0, 7))).size >= 20);
});

/** Checks that every element opened in the document is closed in order. */
function assertBalanced(svg: string): void {
  const open: string[] = [];
  for (const [tag, close, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (selfClosing) continue;
    if (close) assert.equal(open.pop(), name, `unexpected ${tag}`);
    else open.push(name ?? '');
  }
  assert.deepEqual(open, []);
}

test('every image renders as a small SVG titled with its alt text', () => {
  for (const image of products.flatMap((p) => p.images)) {
    const svg = renderProductImage(image.id);
    assert.ok(svg !== null, image.id);
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 800 800"[^>]* role="img"/);
    assert.ok(svg.includes(`<title id="t-${image.id}">${escapeXml(image.alt)}</title>`), image.id);
    assert.ok(Buffer.byteLength(svg) < 4096, `${image.id} is ${Buffer.byteLength(svg)} bytes`);
    assertBalanced(svg);
  }
});

test('an image renders the same every time, with or without the catalog passed in', () => {
  const id = products[0]?.images[0]?.id ?? '';
  const own: SeedCatalog = generateDemoCatalog();
  assert.equal(renderProductImage(id), renderProductImage(id, own));
  assert.equal(renderProductImage(id), renderProductImage(id));
});

test('an unknown image id renders nothing', () => {
  assert.equal(renderProductImage('img_nope'), null);
  assert.equal(renderProductImage('img_00001', { currency: 'USD', categories: [], products: [] }), null);
});

test('colour variants of one product get different pictures', () => {
  const product = products.find((p) => p.options.some((o) => o.name === 'Colour'));
  assert.ok(product);
  const pictures = product.images.map((i) =>
    renderProductImage(i.id)?.replace(/<title.*<\/title>|(t|bg)-img_\d+/g, ''),
  );
  assert.equal(new Set(pictures).size, pictures.length);
});
