// A small hand-made catalog whose every answer can be worked out by hand: a three-level category
// tree, brands differing only in case, equal prices and ratings (to exercise tie-breakers),
// sold-out and compare-at variants.
import type { SeedCatalog, SeedProduct } from '../../src/seed/seed-types.js';

interface Row {
  n: number;
  brand: string;
  category: string;
  /** Per variant: [price, onHand, compareAt?] */
  variants: [number, number, number?][];
  rating: [number, number];
}

const ROWS: Row[] = [
  {
    n: 1,
    brand: 'Acme',
    category: 'cat_shirts',
    variants: [
      [2000, 5],
      [2500, 0],
    ],
    rating: [4.5, 10],
  },
  { n: 2, brand: 'ACME', category: 'cat_shirts', variants: [[2000, 0]], rating: [4.5, 30] },
  { n: 3, brand: 'Strider', category: 'cat_shoes', variants: [[8000, 3, 10000]], rating: [3.9, 4] },
  {
    n: 4,
    brand: 'Strider',
    category: 'cat_running',
    variants: [
      [12000, 1],
      [12500, 2],
    ],
    rating: [5, 2],
  },
  { n: 5, brand: 'Lumo', category: 'cat_lamps', variants: [[4500, 10]], rating: [4.1, 7] },
  { n: 6, brand: 'Lumo', category: 'cat_home', variants: [[4500, 0]], rating: [2.5, 1] },
  { n: 7, brand: 'Acme', category: 'cat_apparel', variants: [[999, 8]], rating: [0, 0] },
  {
    n: 8,
    brand: 'Strider',
    category: 'cat_running',
    variants: [
      [15000, 0],
      [9900, 4, 12000],
    ],
    rating: [4.8, 12],
  },
  { n: 9, brand: 'Lumo', category: 'cat_lamps', variants: [[3000, 2]], rating: [4.5, 30] },
  { n: 10, brand: 'Tidewell', category: 'cat_home', variants: [[6000, 6]], rating: [3.2, 9] },
  { n: 11, brand: 'Tidewell', category: 'cat_shirts', variants: [[2000, 1]], rating: [4.0, 3] },
  {
    n: 12,
    brand: 'Acme',
    category: 'cat_lamps',
    variants: [
      [7000, 0],
      [7000, 0],
    ],
    rating: [1.5, 2],
  },
];

const pad = (n: number) => String(n).padStart(2, '0');

function product(row: Row): SeedProduct {
  const id = `prod_fx${pad(row.n)}`;
  const sizes = ['S', 'M', 'L'];
  return {
    id,
    handle: `fixture-product-${row.n}`,
    name: `Fixture Product ${row.n}`,
    brand: row.brand,
    categoryId: row.category,
    shortDescription: `Short description ${row.n}.`,
    descriptionHtml: `<p>Description of <strong>product ${row.n}</strong>.</p>`,
    tags: [`tag-${row.n % 3}`, 'fixture'],
    // Created a day apart; product 12 is the newest.
    createdAt: new Date(Date.UTC(2026, 0, row.n, 12)).toISOString(),
    rating: { average: row.rating[0], count: row.rating[1] },
    options: [{ name: 'Size', values: sizes.slice(0, row.variants.length) }],
    images: [
      {
        id: `img_fx${pad(row.n)}`,
        url: `/media/products/img_fx${pad(row.n)}.svg`,
        alt: `Product ${row.n}`,
        width: 800,
        height: 800,
        position: 0,
      },
    ],
    variants: row.variants.map(([price, onHand, compareAt], i) => ({
      id: `var_fx${pad(row.n)}${i}`,
      sku: `FX-${pad(row.n)}-${sizes[i] ?? i}`,
      title: sizes[i] ?? String(i),
      options: { Size: sizes[i] ?? String(i) },
      price,
      compareAtPrice: compareAt ?? null,
      onHand,
      imageId: i === 0 ? `img_fx${pad(row.n)}` : null,
      position: i,
    })),
  };
}

export function fixtureCatalog(): SeedCatalog {
  return {
    currency: 'USD',
    categories: [
      { id: 'cat_apparel', slug: 'apparel', name: 'Apparel', description: 'Clothes.', parentId: null, position: 0 },
      {
        id: 'cat_shirts',
        slug: 'shirts',
        name: 'Shirts',
        description: 'Shirts.',
        parentId: 'cat_apparel',
        position: 0,
      },
      { id: 'cat_shoes', slug: 'shoes', name: 'Shoes', description: 'Shoes.', parentId: 'cat_apparel', position: 1 },
      {
        id: 'cat_running',
        slug: 'running-shoes',
        name: 'Running shoes',
        description: 'Fast.',
        parentId: 'cat_shoes',
        position: 0,
      },
      { id: 'cat_home', slug: 'home', name: 'Home', description: 'Home goods.', parentId: null, position: 1 },
      { id: 'cat_lamps', slug: 'lamps', name: 'Lamps', description: 'Light.', parentId: 'cat_home', position: 0 },
      { id: 'cat_empty', slug: 'empty', name: 'Empty', description: 'Nothing yet.', parentId: null, position: 2 },
    ],
    products: ROWS.map(product),
  };
}
