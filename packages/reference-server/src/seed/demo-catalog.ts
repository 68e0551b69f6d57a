import { CATEGORY_TREE, type SubcategorySpec, type TopCategorySpec } from './category-tree.js';
import { createRng, hash32, type Rng } from './prng.js';
import { PRODUCT_COPY } from './product-copy.js';
import { describeProduct, inventName, tagProduct, toHandle } from './product-text.js';
import { buildOffer, type IdSource, type StockProfile } from './product-variants.js';
import type { SeedCatalog, SeedCategory, SeedProduct } from './seed-types.js';
import { BRANDS } from './word-lists.js';

export type { SeedCatalog, SeedCategory, SeedImage, SeedProduct, SeedVariant } from './seed-types.js';

export const DEFAULT_PRODUCT_COUNT = 240;
export const DEFAULT_SEED = 20250101;
const MAX_PRODUCT_COUNT = 100_000;

// Shares of the catalog, in percent, fixed rather than rolled per product so that even a small
// demo shows sold-out and low-stock badges and a sale.
const SOLD_OUT_PERCENT = 8;
const LOW_STOCK_PERCENT = 10;
const ONE_VARIANT_OUT_PERCENT = 8;
const SALE_PERCENT = 20;
const NO_RATINGS_CHANCE = 0.1;
const GIFT_IDEA_CHANCE = 0.15;

const DAY_MS = 86_400_000;
const CREATED_FROM = Date.UTC(2025, 0, 1);
const CREATED_DAYS = (Date.UTC(2027, 0, 1) - CREATED_FROM) / DAY_MS;

interface Slot {
  top: TopCategorySpec;
  sub: SubcategorySpec;
  categoryId: string;
}

/**
 * Generates the demo shop's catalog: a two-level category tree and `products` products (240 by
 * default) with brands, variants, stock, prices in USD cents, ratings and images.
 *
 * Pure and deterministic: the same options give a deep-equal catalog on every run and machine,
 * because randomness comes from a seeded PRNG and timestamps are fixed dates in 2025–2026.
 *
 * @param options.products how many products to generate (integer, 0–100000; default 240)
 * @param options.seed any integer; a different seed gives a different but equally valid shop
 * @throws RangeError when `products` or `seed` is not an integer in range
 */
export function generateDemoCatalog(options: { products?: number; seed?: number } = {}): SeedCatalog {
  const count = options.products ?? DEFAULT_PRODUCT_COUNT;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(count) || count < 0 || count > MAX_PRODUCT_COUNT) {
    throw new RangeError(`products must be an integer from 0 to ${MAX_PRODUCT_COUNT}, got ${count}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);

  const { categories, idBySlug } = buildCategories();
  const rng = createRng(hash32(`shoptag-demo:${seed}`));
  const slots = allocateSlots(count, rng, idBySlug);
  const stock = assignStockProfiles(count, rng);
  const onSale = new Set(rng.shuffle(range(count)).slice(0, Math.round((count * SALE_PERCENT) / 100)));

  let variants = 0;
  let images = 0;
  const ids: IdSource = {
    variant: () => `var_${String(++variants).padStart(5, '0')}`,
    image: () => `img_${String(++images).padStart(5, '0')}`,
  };
  const taken = new Set<string>();
  const products = slots.map((slot, index) => {
    // Each product has its own stream so tweaking one product's wording cannot reshuffle the rest.
    const productRng = createRng(hash32(`${seed}:product:${index}`));
    const product = buildProduct(productRng, slot, index + 1, ids, taken, {
      onSale: onSale.has(index),
      stock: stock[index] ?? 'normal',
    });
    taken.add(product.handle);
    return product;
  });
  return { currency: 'USD', categories, products: withStockPolicies(products, idBySlug) };
}

/** The gift card's denominations, in cents. */
const GIFT_CARD_AMOUNTS = [2500, 5000, 10000];

/**
 * Shows the whole product model in the demo: the first sold-out product with several variants is
 * made to order (sold on backorder, "ships later"), and the last product gives its place to a
 * digital gift card (stock not counted, nothing to ship), so the catalogue keeps its size.
 */
function withStockPolicies(products: SeedProduct[], idBySlug: ReadonlyMap<string, string>): SeedProduct[] {
  if (products.length < 2) return products;
  const out = products.slice();
  const backorder = out.findIndex((p) => p.variants.length > 1 && p.variants.every((v) => v.onHand === 0));
  if (backorder >= 0) {
    const p = out[backorder]!;
    out[backorder] = { ...p, variants: p.variants.map((v) => ({ ...v, inventoryPolicy: 'continue' as const })) };
  }
  const last = out[out.length - 1]!;
  const image = last.images[0];
  out[out.length - 1] = {
    ...last,
    handle: 'shoptag-gift-card',
    name: 'Shoptag Gift Card',
    categoryId: idBySlug.get('notebooks') ?? last.categoryId,
    shortDescription: 'A digital gift card, sent by email: nothing to ship.',
    descriptionHtml:
      '<p>A digital gift card for anything in the shop.</p>' +
      '<ul><li>Sent by email</li><li>No address to give and no shipping to pay</li><li>Never sold out</li></ul>' +
      '<p>Choose the amount, then check out with just your billing address.</p>',
    tags: ['gift-card', 'digital'],
    options: [{ name: 'Amount', values: GIFT_CARD_AMOUNTS.map((a) => `$${a / 100}`) }],
    images: image ? [{ ...image, alt: 'Shoptag Gift Card' }] : [],
    variants: GIFT_CARD_AMOUNTS.map((amount, position) => ({
      id:
        last.variants[0]?.id && position === 0
          ? last.variants[0].id
          : `${last.id.replace('prod_', 'var_g')}${position}`,
      sku: `GIFT-${amount / 100}`,
      title: `$${amount / 100}`,
      options: { Amount: `$${amount / 100}` },
      price: amount,
      compareAtPrice: null,
      // Not counted: the seed's shares of sold-out and low-stock products stay as they were.
      onHand: 1000,
      imageId: image?.id ?? null,
      position,
      trackInventory: false,
      requiresShipping: false,
    })),
  };
  return out;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function buildCategories(): { categories: SeedCategory[]; idBySlug: Map<string, string> } {
  const categories: SeedCategory[] = [];
  const idBySlug = new Map<string, string>();
  const nextId = () => `cat_${String(categories.length + 1).padStart(3, '0')}`;
  CATEGORY_TREE.forEach((top, topPosition) => {
    const topId = nextId();
    categories.push({
      id: topId,
      slug: top.slug,
      name: top.name,
      description: top.description,
      parentId: null,
      position: topPosition,
    });
    idBySlug.set(top.slug, topId);
    top.children.forEach((sub, position) => {
      const id = nextId();
      categories.push({ id, slug: sub.slug, name: sub.name, description: sub.description, parentId: topId, position });
      idBySlug.set(sub.slug, id);
    });
  });
  return { categories, idBySlug };
}

/** Splits the products over subcategories by weight (largest remainder), then shuffles the order. */
function allocateSlots(count: number, rng: Rng, idBySlug: ReadonlyMap<string, string>): Slot[] {
  const all = CATEGORY_TREE.flatMap((top) =>
    top.children.map((sub) => ({ top, sub, categoryId: idBySlug.get(sub.slug) ?? '' })),
  );
  const totalWeight = all.reduce((sum, s) => sum + s.sub.weight, 0);
  const quotas = all.map((slot, i) => {
    const exact = (count * slot.sub.weight) / totalWeight;
    return { slot, i, whole: Math.floor(exact), remainder: exact - Math.floor(exact) };
  });
  let missing = count - quotas.reduce((sum, q) => sum + q.whole, 0);
  for (const q of quotas.slice().sort((a, b) => b.remainder - a.remainder || a.i - b.i)) {
    if (missing-- <= 0) break;
    q.whole++;
  }
  return rng.shuffle(quotas.flatMap((q) => Array.from({ length: q.whole }, () => q.slot)));
}

function assignStockProfiles(count: number, rng: Rng): StockProfile[] {
  const profiles: StockProfile[] = Array.from({ length: count }, () => 'normal');
  const order = rng.shuffle(range(count));
  const shares: [StockProfile, number][] = [
    ['sold-out', SOLD_OUT_PERCENT],
    ['low', LOW_STOCK_PERCENT],
    ['one-out', ONE_VARIANT_OUT_PERCENT],
  ];
  let cursor = 0;
  for (const [profile, percent] of shares) {
    for (const index of order.slice(cursor, cursor + Math.round((count * percent) / 100))) profiles[index] = profile;
    cursor += Math.round((count * percent) / 100);
  }
  return profiles;
}

function buildProduct(
  rng: Rng,
  slot: Slot,
  productNumber: number,
  ids: IdSource,
  taken: ReadonlySet<string>,
  plan: { onSale: boolean; stock: StockProfile },
): SeedProduct {
  const { top, sub } = slot;
  const copy = PRODUCT_COPY[sub.slug];
  if (!copy) throw new Error(`no product copy for subcategory ${sub.slug}`);
  const brand = rng.pick(BRANDS.filter((b) => b.categories.includes(top.slug)));
  const name = inventName(rng, copy, taken);
  const offer = buildOffer({ rng, ids, top, sub, brand, productNumber, name: name.name, ...plan });
  const colours = offer.options.find((o) => o.name === 'Colour')?.values ?? [];
  const text = describeProduct({ rng, copy, topSlug: top.slug, name, brand: brand.name, colourCount: colours.length });
  const rating = inventRating(rng);
  const createdAt = inventCreatedAt(rng);
  return {
    id: `prod_${String(productNumber).padStart(4, '0')}`,
    handle: toHandle(name.name),
    name: name.name,
    brand: brand.name,
    categoryId: slot.categoryId,
    shortDescription: text.shortDescription,
    descriptionHtml: text.descriptionHtml,
    tags: tagProduct({
      topSlug: top.slug,
      subSlug: sub.slug,
      descriptor: name.descriptor,
      colours,
      onSale: plan.onSale,
      createdAt,
      rating,
      giftIdea: rng.chance(GIFT_IDEA_CHANCE),
    }),
    createdAt,
    rating,
    ...offer,
  };
}

/** Review counts follow a long tail (most products have a few, some hundreds); averages sit mostly above 3.5. */
function inventRating(rng: Rng): { average: number; count: number } {
  if (rng.chance(NO_RATINGS_CHANCE)) return { average: 0, count: 0 };
  const count = Math.max(1, Math.floor(Math.exp(rng.next() * Math.log(480))));
  const tenths = count < 5 ? rng.int(20, 50) : rng.int(35, 50);
  return { average: tenths / 10, count };
}

function inventCreatedAt(rng: Rng): string {
  const day = rng.int(0, CREATED_DAYS - 1);
  const minutes = rng.int(8 * 60, 19 * 60 + 59);
  return new Date(CREATED_FROM + day * DAY_MS + minutes * 60_000).toISOString();
}
