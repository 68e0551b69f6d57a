// A small catalog for search: distinct words per field so weights, typos, facets and related
// products can be worked out by hand. "aurora" appears once in a name (7), a brand (8), a
// category (9) and a description (10).
import type { SeedCatalog, SeedProduct } from '../../src/seed/seed-types.js';

interface Spec {
  n: number;
  name: string;
  brand: string;
  category: string;
  description: string;
  price: number;
  stock: number[];
  sizes?: string[];
  tags?: string[];
  rating?: [number, number];
}

const SPECS: Spec[] = [
  {
    n: 1,
    name: 'Linen Shirt',
    brand: 'Acme',
    category: 'cat_shirts',
    description: 'Breathable summer weave.',
    price: 3000,
    stock: [5, 0, 2],
    sizes: ['S', 'M', 'L'],
    tags: ['summer'],
    rating: [4.5, 10],
  },
  {
    n: 2,
    name: 'Oxford Shirt',
    brand: 'Tidewell',
    category: 'cat_shirts',
    description: 'Cotton oxford weave.',
    price: 4500,
    stock: [0, 0],
    sizes: ['M', 'L'],
    rating: [3.5, 4],
  },
  {
    n: 3,
    name: 'Trail Running Shoe',
    brand: 'Strider',
    category: 'cat_running',
    description: 'Grippy outsole for mud.',
    price: 12000,
    stock: [3, 1],
    sizes: ['42', '43'],
    tags: ['outdoor'],
    rating: [4.8, 20],
  },
  {
    n: 4,
    name: 'Road Racer',
    brand: 'Strider',
    category: 'cat_running',
    description: 'Light shoe for tarmac.',
    price: 9000,
    stock: [2],
    sizes: ['42'],
    rating: [4.1, 8],
  },
  {
    n: 5,
    name: 'Brass Desk Lamp',
    brand: 'Lumo',
    category: 'cat_lamps',
    description: 'Warm light under a linen shade.',
    price: 6000,
    stock: [4],
    rating: [4.0, 3],
  },
  {
    n: 6,
    name: 'Floor Lamp',
    brand: 'Lumo',
    category: 'cat_lamps',
    description: 'Tall reading light.',
    price: 15000,
    stock: [1],
    rating: [2.0, 2],
  },
  {
    n: 7,
    name: 'Aurora Scarf',
    brand: 'Kestrel',
    category: 'cat_shirts',
    description: 'Soft and long.',
    price: 2500,
    stock: [6],
    rating: [3.0, 1],
  },
  {
    n: 8,
    name: 'Wool Beanie',
    brand: 'Aurora',
    category: 'cat_shirts',
    description: 'Warm and snug.',
    price: 1800,
    stock: [6],
    rating: [0, 0],
  },
  {
    n: 9,
    name: 'Silk Tie',
    brand: 'Kestrel',
    category: 'cat_collection',
    description: 'Smooth and narrow.',
    price: 3500,
    stock: [6],
    rating: [4.2, 5],
  },
  {
    n: 10,
    name: 'Cotton Tee',
    brand: 'Kestrel',
    category: 'cat_shirts',
    description: 'Inspired by the aurora.',
    price: 1500,
    stock: [6],
    rating: [3.8, 9],
  },
  {
    n: 11,
    name: 'Hiking Socks',
    brand: 'Strider',
    category: 'cat_shirts',
    description: 'Merino blend.',
    price: 1200,
    stock: [0],
    tags: ['outdoor'],
    rating: [4.4, 6],
  },
];

const pad = (n: number) => String(n).padStart(2, '0');

function product(spec: Spec): SeedProduct {
  const id = `prod_sx${pad(spec.n)}`;
  const sizes = spec.sizes ?? ['One size'];
  return {
    id,
    handle: spec.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    name: spec.name,
    brand: spec.brand,
    categoryId: spec.category,
    shortDescription: '',
    descriptionHtml: `<p>${spec.description}</p>`,
    tags: spec.tags ?? [],
    createdAt: new Date(Date.UTC(2026, 0, spec.n, 12)).toISOString(),
    rating: { average: spec.rating?.[0] ?? 0, count: spec.rating?.[1] ?? 0 },
    options: [{ name: 'Size', values: sizes }],
    images: [
      {
        id: `img_sx${pad(spec.n)}`,
        url: `/media/products/img_sx${pad(spec.n)}.svg`,
        alt: spec.name,
        width: 800,
        height: 800,
        position: 0,
      },
    ],
    variants: spec.stock.map((onHand, i) => ({
      id: `var_sx${pad(spec.n)}${i}`,
      sku: `SX-${pad(spec.n)}-${i}`,
      title: sizes[i] ?? String(i),
      options: { Size: sizes[i] ?? String(i) },
      price: spec.price + i * 100,
      compareAtPrice: null,
      onHand,
      imageId: null,
      position: i,
    })),
  };
}

export function searchCatalog(): SeedCatalog {
  return {
    currency: 'USD',
    categories: [
      { id: 'cat_apparel', slug: 'apparel', name: 'Apparel', description: '', parentId: null, position: 0 },
      { id: 'cat_shirts', slug: 'shirts', name: 'Shirts', description: '', parentId: 'cat_apparel', position: 0 },
      {
        id: 'cat_collection',
        slug: 'aurora-collection',
        name: 'Aurora collection',
        description: '',
        parentId: 'cat_apparel',
        position: 1,
      },
      { id: 'cat_shoes', slug: 'shoes', name: 'Shoes', description: '', parentId: 'cat_apparel', position: 2 },
      { id: 'cat_running', slug: 'running', name: 'Running', description: '', parentId: 'cat_shoes', position: 0 },
      { id: 'cat_home', slug: 'home', name: 'Home', description: '', parentId: null, position: 1 },
      { id: 'cat_lamps', slug: 'lamps', name: 'Lamps', description: '', parentId: 'cat_home', position: 0 },
    ],
    products: SPECS.map(product),
  };
}
