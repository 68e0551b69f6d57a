import { CATEGORY_TREE, subcategoryBySlug, type ShapeName } from './category-tree.js';
import { luminance, mix } from './colour-mix.js';
import { generateDemoCatalog } from './demo-catalog.js';
import { hash32 } from './prng.js';
import { SHAPES, type Paint } from './product-shapes.js';
import type { SeedCatalog, SeedImage, SeedProduct } from './seed-types.js';
import { colourByName, COLOURS, type Colour } from './word-lists.js';

interface ImageEntry {
  image: SeedImage;
  product: SeedProduct;
  colour: Colour;
  shape: ShapeName;
  /** 0 straight on, 1 close-up, 2 angled: extra photos of one product should not look identical. */
  view: number;
}

const FALLBACK_SHAPE: ShapeName = 'jar';
const NEUTRAL = '#7d8796';

// The catalog and its index are pure functions of their inputs, so computing them once is safe
// and spares every image request a 240-product generation.
let defaultCatalog: SeedCatalog | undefined;
const indexes = new WeakMap<SeedCatalog, Map<string, ImageEntry>>();

function indexFor(catalog: SeedCatalog): Map<string, ImageEntry> {
  const cached = indexes.get(catalog);
  if (cached) return cached;
  const categories = new Map(catalog.categories.map((c) => [c.id, c]));
  const index = new Map<string, ImageEntry>();
  for (const product of catalog.products) {
    const category = categories.get(product.categoryId);
    const parent = category?.parentId ? categories.get(category.parentId) : undefined;
    const palette = CATEGORY_TREE.find((top) => top.slug === parent?.slug)?.palette ?? ['Sage'];
    // Products without a Colour option still get a steady colour of their family, picked by id.
    const fallback = COLOURS[palette[hash32(product.id) % palette.length] ?? 'Sage'];
    const shape = (category && subcategoryBySlug(category.slug)?.shape) || FALLBACK_SHAPE;
    for (const image of product.images) {
      const colourName = product.variants.find((v) => v.imageId === image.id)?.options['Colour'];
      const colour = (colourName && colourByName(colourName)) || fallback;
      index.set(image.id, { image, product, colour, shape, view: colourName ? 0 : image.position % 3 });
    }
  }
  indexes.set(catalog, index);
  return index;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function paintFor(hex: string): { paint: Paint; background: [string, string] } {
  // Pale products (chalk, cream) would vanish on a pale tint, so they sit on a cooler grey instead.
  const pale = luminance(hex) > 0.6;
  return {
    paint: { main: hex, dark: mix(hex, '#15171c', pale ? 0.3 : 0.38), light: mix(hex, '#ffffff', 0.4) },
    background: pale
      ? [mix(hex, NEUTRAL, 0.3), mix(hex, NEUTRAL, 0.1)]
      : [mix(hex, '#ffffff', 0.72), mix(hex, '#ffffff', 0.92)],
  };
}

const VIEW_TRANSFORMS = ['', 'translate(400 420) scale(1.32) translate(-400 -420)', 'rotate(-9 400 420)'] as const;

/**
 * Renders the SVG picture for one demo image id (`img_…`), as served at
 * `/media/products/<id>.svg`: a soft gradient in the product's colour family behind a flat
 * illustration of the product type, with the image's alt text as its accessible title.
 *
 * Deterministic: the same id and catalog always give the same bytes. Without `catalog` it uses
 * the default demo catalog, generated once and reused.
 *
 * @returns the SVG document, or null when no product image has this id
 */
export function renderProductImage(imageId: string, catalog?: SeedCatalog): string | null {
  const entry = indexFor(catalog ?? (defaultCatalog ??= generateDemoCatalog())).get(imageId);
  if (!entry) return null;
  const { paint, background } = paintFor(entry.colour.hex);
  const suffix = imageId.replace(/[^A-Za-z0-9_-]/g, '');
  const gradient = `bg-${suffix}`;
  const [x2, y2] = entry.view === 2 ? ['0', '1'] : ['1', '1'];
  const transform = VIEW_TRANSFORMS[entry.view] ?? '';
  const drawing = (SHAPES[entry.shape] ?? SHAPES[FALLBACK_SHAPE])(paint);
  const alt = escapeXml(entry.image.alt);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800" role="img" aria-labelledby="t-${suffix}">` +
    `<title id="t-${suffix}">${alt}</title>` +
    `<defs><linearGradient id="${gradient}" x1="0" y1="0" x2="${x2}" y2="${y2}">` +
    `<stop offset="0" stop-color="${background[0]}"/><stop offset="1" stop-color="${background[1]}"/></linearGradient></defs>` +
    `<rect width="800" height="800" fill="url(#${gradient})"/>` +
    `<circle cx="400" cy="390" r="290" fill="#ffffff" opacity="0.28"/>` +
    (entry.view === 1 ? '' : `<ellipse cx="400" cy="640" rx="230" ry="22" fill="#15171c" opacity="0.1"/>`) +
    (transform ? `<g transform="${transform}">${drawing}</g>` : drawing) +
    `<text x="40" y="760" font-family="system-ui, sans-serif" font-size="20" font-weight="600" letter-spacing="4" ` +
    `fill="${paint.dark}" opacity="0.5">${escapeXml(entry.product.brand.toUpperCase())}</text>` +
    `</svg>`
  );
}
