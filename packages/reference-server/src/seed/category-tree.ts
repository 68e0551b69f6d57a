import type { ColourName } from './word-lists.js';

/**
 * The demo shop's two-level category tree and the merchandising rules of each subcategory:
 * price band, which option sets its products carry, and which illustration its images use.
 */

export type ShapeName =
  | 'tshirt'
  | 'hoodie'
  | 'jacket'
  | 'sneaker'
  | 'boot'
  | 'mug'
  | 'candle'
  | 'cushion'
  | 'lamp'
  | 'pan'
  | 'knife'
  | 'teapot'
  | 'backpack'
  | 'bottle'
  | 'lantern'
  | 'cap'
  | 'wallet'
  | 'sunglasses'
  | 'jar'
  | 'soap'
  | 'perfume'
  | 'notebook'
  | 'pen'
  | 'headphones'
  | 'phone'
  | 'speaker'
  | 'pet-bed'
  | 'bowl';

/** `size-colour`: Size × Colour; `size`: Size only; `colour`: Colour only; `single`: one "Default" variant. */
export type VariantPlan = 'size-colour' | 'size' | 'colour' | 'single';

export interface SizeScale {
  values: readonly string[];
  /** How many consecutive values one product offers, at least and at most. */
  span: readonly [number, number];
  /** Extra minor units on top of the base price for some sizes; multiples of 100 keep price endings. */
  upcharge?: Readonly<Record<string, number>>;
}

export interface SubcategorySpec {
  slug: string;
  name: string;
  description: string;
  /** Middle part of SKUs. */
  code: string;
  shape: ShapeName;
  /** Base price band in USD cents. */
  price: readonly [number, number];
  /** Relative share of the catalog. */
  weight: number;
  plans: Readonly<Partial<Record<VariantPlan, number>>>;
  sizes?: SizeScale;
}

export interface TopCategorySpec {
  slug: string;
  name: string;
  description: string;
  palette: readonly ColourName[];
  children: readonly SubcategorySpec[];
}

const APPAREL: SizeScale = { values: ['XS', 'S', 'M', 'L', 'XL', 'XXL'], span: [4, 6], upcharge: { XXL: 200 } };
const SHOES: SizeScale = { values: ['6', '7', '8', '9', '10', '11', '12', '13'], span: [6, 8] };

export const CATEGORY_TREE: readonly TopCategorySpec[] = [
  {
    slug: 'apparel',
    name: 'Apparel',
    description: 'Everyday layers cut from honest fabrics.',
    palette: ['Black', 'Chalk', 'Navy', 'Forest', 'Sage', 'Sand', 'Rust', 'Charcoal', 'Olive', 'Plum'],
    children: [
      {
        slug: 't-shirts',
        name: 'T-shirts',
        description: 'Tees in weights from airy to heavyweight.',
        code: 'TEE',
        shape: 'tshirt',
        price: [1800, 4500],
        weight: 14,
        plans: { 'size-colour': 7, size: 3 },
        sizes: APPAREL,
      },
      {
        slug: 'hoodies',
        name: 'Hoodies',
        description: 'Fleece and French-terry hoodies for cool days.',
        code: 'HOD',
        shape: 'hoodie',
        price: [4800, 9800],
        weight: 10,
        plans: { 'size-colour': 6, size: 4 },
        sizes: APPAREL,
      },
      {
        slug: 'jackets',
        name: 'Jackets',
        description: 'Shells, chores and padded jackets.',
        code: 'JKT',
        shape: 'jacket',
        price: [8900, 24000],
        weight: 8,
        plans: { 'size-colour': 5, size: 5 },
        sizes: APPAREL,
      },
    ],
  },
  {
    slug: 'footwear',
    name: 'Footwear',
    description: 'Shoes and boots built to be worn in.',
    palette: ['Black', 'Chalk', 'Sand', 'Navy', 'Olive', 'Walnut', 'Slate', 'Rust'],
    children: [
      {
        slug: 'sneakers',
        name: 'Sneakers',
        description: 'Low-tops and runners for every day.',
        code: 'SNK',
        shape: 'sneaker',
        price: [6500, 16000],
        weight: 10,
        plans: { 'size-colour': 6, size: 4 },
        sizes: SHOES,
      },
      {
        slug: 'boots',
        name: 'Boots',
        description: 'Leather and waxed boots with resoleable soles.',
        code: 'BOT',
        shape: 'boot',
        price: [6000, 18000],
        weight: 8,
        plans: { 'size-colour': 4, size: 6 },
        sizes: SHOES,
      },
    ],
  },
  {
    slug: 'home',
    name: 'Home',
    description: 'Small things that make a room feel lived in.',
    palette: ['Chalk', 'Sage', 'Terracotta', 'Ochre', 'Sky', 'Blush', 'Cream', 'Slate', 'Charcoal'],
    children: [
      {
        slug: 'mugs',
        name: 'Mugs',
        description: 'Stoneware and enamel mugs for slow mornings.',
        code: 'MUG',
        shape: 'mug',
        price: [1200, 4500],
        weight: 10,
        plans: { colour: 5, single: 4 },
      },
      {
        slug: 'candles',
        name: 'Candles',
        description: 'Hand-poured soy and beeswax candles.',
        code: 'CND',
        shape: 'candle',
        price: [1400, 4800],
        weight: 8,
        plans: { size: 4, single: 5 },
        sizes: { values: ['8 oz', '14 oz'], span: [2, 2], upcharge: { '14 oz': 1200 } },
      },
      {
        slug: 'cushions',
        name: 'Cushions',
        description: 'Linen and wool cushions with feather inners.',
        code: 'CSH',
        shape: 'cushion',
        price: [2400, 7800],
        weight: 7,
        plans: { colour: 5, size: 2, single: 2 },
        sizes: { values: ['45 cm', '60 cm'], span: [2, 2], upcharge: { '60 cm': 1500 } },
      },
      {
        slug: 'lamps',
        name: 'Lamps',
        description: 'Table and desk lamps with a warm glow.',
        code: 'LMP',
        shape: 'lamp',
        price: [4500, 18000],
        weight: 6,
        plans: { colour: 3, single: 5 },
      },
    ],
  },
  {
    slug: 'kitchen',
    name: 'Kitchen',
    description: 'Tools for cooks who cook every day.',
    palette: ['Charcoal', 'Chalk', 'Sage', 'Terracotta', 'Cobalt', 'Walnut', 'Black'],
    children: [
      {
        slug: 'pans',
        name: 'Pans',
        description: 'Cast iron, carbon steel and ceramic pans.',
        code: 'PAN',
        shape: 'pan',
        price: [3200, 14000],
        weight: 6,
        plans: { size: 4, single: 3, colour: 2 },
        sizes: { values: ['20 cm', '24 cm', '28 cm'], span: [2, 3], upcharge: { '24 cm': 1000, '28 cm': 2000 } },
      },
      {
        slug: 'knives',
        name: 'Knives',
        description: 'Sharp, balanced knives that stay that way.',
        code: 'KNF',
        shape: 'knife',
        price: [2800, 16000],
        weight: 5,
        plans: { single: 6, colour: 3 },
      },
      {
        slug: 'teapots',
        name: 'Teapots',
        description: 'Teapots and kettles for the long pour.',
        code: 'TEA',
        shape: 'teapot',
        price: [2600, 8800],
        weight: 5,
        plans: { colour: 5, single: 4 },
      },
    ],
  },
  {
    slug: 'outdoor',
    name: 'Outdoor',
    description: 'Gear for weekends outside and the trip there.',
    palette: ['Forest', 'Olive', 'Rust', 'Navy', 'Ochre', 'Charcoal', 'Sky', 'Sand'],
    children: [
      {
        slug: 'backpacks',
        name: 'Backpacks',
        description: 'Daypacks and travel packs that carry well.',
        code: 'BPK',
        shape: 'backpack',
        price: [4500, 16000],
        weight: 8,
        plans: { colour: 7, single: 2 },
      },
      {
        slug: 'water-bottles',
        name: 'Water bottles',
        description: 'Insulated bottles that keep cold for a day.',
        code: 'BTL',
        shape: 'bottle',
        price: [1800, 4800],
        weight: 8,
        plans: { colour: 5, size: 3, single: 1 },
        sizes: { values: ['500 ml', '750 ml', '1 l'], span: [2, 3], upcharge: { '750 ml': 300, '1 l': 600 } },
      },
      {
        slug: 'lanterns',
        name: 'Lanterns',
        description: 'Rechargeable lanterns for camp and porch.',
        code: 'LNT',
        shape: 'lantern',
        price: [2200, 7800],
        weight: 5,
        plans: { single: 5, colour: 3 },
      },
    ],
  },
  {
    slug: 'accessories',
    name: 'Accessories',
    description: 'The finishing touches, made to last.',
    palette: ['Black', 'Walnut', 'Sand', 'Navy', 'Olive', 'Rust', 'Charcoal'],
    children: [
      {
        slug: 'caps',
        name: 'Caps',
        description: 'Six-panel caps in cotton, wool and nylon.',
        code: 'CAP',
        shape: 'cap',
        price: [1800, 4200],
        weight: 7,
        plans: { colour: 5, 'size-colour': 2, single: 1 },
        sizes: { values: ['S/M', 'L/XL'], span: [2, 2] },
      },
      {
        slug: 'wallets',
        name: 'Wallets',
        description: 'Slim leather wallets and card holders.',
        code: 'WAL',
        shape: 'wallet',
        price: [2400, 9500],
        weight: 7,
        plans: { colour: 6, single: 3 },
      },
      {
        slug: 'sunglasses',
        name: 'Sunglasses',
        description: 'Polarised sunglasses in acetate frames.',
        code: 'SUN',
        shape: 'sunglasses',
        price: [3500, 16000],
        weight: 6,
        plans: { colour: 6, single: 2 },
      },
    ],
  },
  {
    slug: 'beauty',
    name: 'Beauty',
    description: 'Gentle care for skin, made in small batches.',
    palette: ['Blush', 'Cream', 'Sage', 'Lilac', 'Mint', 'Chalk', 'Coral'],
    children: [
      {
        slug: 'skincare',
        name: 'Skincare',
        description: 'Creams, serums and balms with short ingredient lists.',
        code: 'SKN',
        shape: 'jar',
        price: [1400, 6800],
        weight: 8,
        plans: { size: 5, single: 4 },
        sizes: { values: ['50 ml', '100 ml'], span: [2, 2], upcharge: { '100 ml': 1400 } },
      },
      {
        slug: 'soaps',
        name: 'Soaps',
        description: 'Cold-process bar soaps, cured for weeks.',
        code: 'SOP',
        shape: 'soap',
        price: [600, 1800],
        weight: 6,
        plans: { single: 7, colour: 2 },
      },
      {
        slug: 'fragrance',
        name: 'Fragrance',
        description: 'Eaux de parfum and room sprays.',
        code: 'FRG',
        shape: 'perfume',
        price: [3800, 12000],
        weight: 6,
        plans: { size: 6, single: 3 },
        sizes: { values: ['30 ml', '50 ml', '100 ml'], span: [2, 3], upcharge: { '50 ml': 2000, '100 ml': 4500 } },
      },
    ],
  },
  {
    slug: 'stationery',
    name: 'Stationery',
    description: 'Paper and pens for lists, letters and plans.',
    palette: ['Navy', 'Forest', 'Rust', 'Ochre', 'Sky', 'Blush', 'Black', 'Lilac'],
    children: [
      {
        slug: 'notebooks',
        name: 'Notebooks',
        description: 'Lay-flat notebooks on fountain-pen-friendly paper.',
        code: 'NTB',
        shape: 'notebook',
        price: [900, 3400],
        weight: 8,
        plans: { 'size-colour': 3, colour: 4, single: 2 },
        sizes: { values: ['A6', 'A5', 'A4'], span: [2, 3], upcharge: { A5: 400, A4: 800 } },
      },
      {
        slug: 'pens',
        name: 'Pens',
        description: 'Rollerballs, fountain pens and refills.',
        code: 'PEN',
        shape: 'pen',
        price: [400, 6500],
        weight: 6,
        plans: { colour: 5, single: 4 },
      },
    ],
  },
  {
    slug: 'tech-accessories',
    name: 'Tech accessories',
    description: 'Good-looking kit for the devices you already own.',
    palette: ['Black', 'Chalk', 'Slate', 'Sky', 'Coral', 'Mint', 'Charcoal'],
    children: [
      {
        slug: 'headphones',
        name: 'Headphones',
        description: 'Over-ear and on-ear headphones, wired and wireless.',
        code: 'HPH',
        shape: 'headphones',
        price: [4900, 24900],
        weight: 7,
        plans: { colour: 6, single: 2 },
      },
      {
        slug: 'phone-cases',
        name: 'Phone cases',
        description: 'Slim cases with raised edges and real grip.',
        code: 'PHC',
        shape: 'phone',
        price: [1900, 5400],
        weight: 7,
        plans: { colour: 8, single: 1 },
      },
      {
        slug: 'speakers',
        name: 'Speakers',
        description: 'Portable speakers that sound bigger than they look.',
        code: 'SPK',
        shape: 'speaker',
        price: [3900, 19900],
        weight: 5,
        plans: { colour: 5, single: 3 },
      },
    ],
  },
  {
    slug: 'pets',
    name: 'Pets',
    description: 'Beds and bowls your pets will actually use.',
    palette: ['Sand', 'Sage', 'Slate', 'Rust', 'Cream', 'Navy', 'Ochre'],
    children: [
      {
        slug: 'pet-beds',
        name: 'Pet beds',
        description: 'Bolstered beds with washable covers.',
        code: 'PBD',
        shape: 'pet-bed',
        price: [3900, 14900],
        weight: 5,
        plans: { 'size-colour': 5, size: 3 },
        sizes: { values: ['S', 'M', 'L'], span: [3, 3], upcharge: { M: 1000, L: 2000 } },
      },
      {
        slug: 'bowls',
        name: 'Bowls',
        description: 'Stoneware and steel bowls that stay put.',
        code: 'BWL',
        shape: 'bowl',
        price: [1400, 4200],
        weight: 5,
        plans: { colour: 5, single: 3 },
      },
    ],
  },
];

/** Finds a subcategory's rules by slug; undefined for categories the demo tree does not define. */
export function subcategoryBySlug(slug: string): SubcategorySpec | undefined {
  for (const top of CATEGORY_TREE) {
    const child = top.children.find((c) => c.slug === slug);
    if (child) return child;
  }
  return undefined;
}
