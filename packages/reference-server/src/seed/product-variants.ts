import type { Rng } from './prng.js';
import type { SubcategorySpec, TopCategorySpec } from './category-tree.js';
import type { SeedImage, SeedProduct, SeedVariant } from './seed-types.js';
import { COLOURS, type Brand, type ColourName } from './word-lists.js';

/** What a product's stock looks like; chosen per product so the shares across the catalog are exact. */
export type StockProfile = 'normal' | 'sold-out' | 'low' | 'one-out';

/** Hands out ids in catalog order so they stay stable for a given seed and size. */
export interface IdSource {
  variant(): string;
  image(): string;
}

export interface VariantRequest {
  rng: Rng;
  ids: IdSource;
  top: TopCategorySpec;
  sub: SubcategorySpec;
  brand: Brand;
  productNumber: number;
  name: string;
  onSale: boolean;
  stock: StockProfile;
}

export type ProductOffer = Pick<SeedProduct, 'options' | 'images' | 'variants'>;

export const IMAGE_SIZE = 800;
const SALE_MARKUPS = [120, 125, 130, 140, 150] as const;
const VIEW_SUFFIXES = ['', ', close-up', ', from the side'] as const;

/** Builds a product's options, images and variants with prices and stock. */
export function buildOffer(req: VariantRequest): ProductOffer {
  const { rng, sub, top } = req;
  const plan = rng.weighted(sub.plans);
  const sizes = plan === 'size' || plan === 'size-colour' ? pickSizes(rng, sub) : [];
  const colours = plan === 'colour' || plan === 'size-colour' ? rng.shuffle(top.palette).slice(0, rng.int(2, 3)) : [];

  const options: ProductOffer['options'] = [];
  if (sizes.length > 0) options.push({ name: 'Size', values: sizes });
  if (colours.length > 0) options.push({ name: 'Colour', values: colours.slice() });

  const images = buildImages(req, colours);
  const base = basePrice(rng, sub.price);
  // One markup per product so every variant shows the same "save x %" badge.
  const markup = req.onSale ? rng.pick(SALE_MARKUPS) : null;
  const endsIn99 = rng.chance(0.5);

  const combos: { size: string | null; colour: ColourName | null }[] = [];
  for (const size of sizes.length > 0 ? sizes : [null]) {
    for (const colour of colours.length > 0 ? colours : [null]) combos.push({ size, colour });
  }
  const variants = combos.map(({ size, colour }, position): SeedVariant => {
    const variantOptions: Record<string, string> = {};
    if (size !== null) variantOptions['Size'] = size;
    if (colour !== null) variantOptions['Colour'] = colour;
    const price = base + (size !== null ? (sub.sizes?.upcharge?.[size] ?? 0) : 0);
    const skuParts = [req.brand.code, sub.code, String(req.productNumber).padStart(4, '0')];
    if (size !== null) skuParts.push(size.toUpperCase().replace(/[^A-Z0-9]/g, ''));
    if (colour !== null) skuParts.push(COLOURS[colour].code);
    return {
      id: req.ids.variant(),
      sku: skuParts.join('-'),
      title: Object.values(variantOptions).join(' / ') || 'Default',
      options: variantOptions,
      price,
      compareAtPrice: markup === null ? null : compareAt(price, markup, endsIn99),
      onHand: 0,
      imageId: colour === null ? null : (images[colours.indexOf(colour)]?.id ?? null),
      position,
    };
  });
  applyStock(rng, variants, req.stock);
  return { options, images, variants };
}

function pickSizes(rng: Rng, sub: SubcategorySpec): string[] {
  const scale = sub.sizes;
  if (!scale) return [];
  const length = Math.min(scale.values.length, rng.int(scale.span[0], scale.span[1]));
  const start = rng.int(0, scale.values.length - length);
  return scale.values.slice(start, start + length);
}

/** Colour products get one image per colour so a colour swatch can switch the picture; others get 1–3 views. */
function buildImages(req: VariantRequest, colours: readonly ColourName[]): SeedImage[] {
  const count = colours.length > 0 ? colours.length : req.rng.weighted({ '1': 5, '2': 3, '3': 2 });
  const images: SeedImage[] = [];
  for (let position = 0; position < Number(count); position++) {
    const id = req.ids.image();
    const colour = colours[position];
    images.push({
      id,
      url: `/media/products/${id}.svg`,
      alt: colour ? `${req.name} in ${colour}` : `${req.name}${VIEW_SUFFIXES[position] ?? ''}`,
      width: IMAGE_SIZE,
      height: IMAGE_SIZE,
      position,
    });
  }
  return images;
}

/** A price inside the band ending in .00, .50 or .99, skewed towards the cheaper end like real shelves. */
function basePrice(rng: Rng, [min, max]: readonly [number, number]): number {
  const low = Math.ceil(min / 100);
  const high = Math.max(low, Math.floor(max / 100) - 1);
  const dollars = low + Math.floor((high - low + 1) * rng.next() ** 1.4);
  const cents = rng.weighted({ '0': 4, '50': 2, '99': 4 });
  return dollars * 100 + Number(cents);
}

/** The "was" price: `markup` percent of the price, rounded up to a whole dollar (or .99 below it). */
function compareAt(price: number, markupPercent: number, endsIn99: boolean): number {
  const whole = Math.ceil((price * markupPercent) / 10000) * 100;
  return endsIn99 ? whole - 1 : whole;
}

function applyStock(rng: Rng, variants: SeedVariant[], profile: StockProfile): void {
  for (const variant of variants) variant.onHand = profile === 'sold-out' ? 0 : rng.int(4, 60);
  if (profile === 'low') {
    const lowCount = rng.int(1, Math.max(1, Math.ceil(variants.length / 2)));
    for (const variant of rng.shuffle(variants).slice(0, lowCount)) variant.onHand = rng.int(1, 3);
  } else if (profile === 'one-out' && variants.length > 1) {
    rng.pick(variants).onHand = 0;
  }
}
