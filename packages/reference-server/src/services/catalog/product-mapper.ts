import type { CategoryRef, Product, ProductImage, ProductVariant } from '@shoptag/sdk/contract';
import type { DocumentImage, DocumentVariant, ProductDocumentRow } from '../../store/product-document-sql.js';
import type { ProductRow } from '../../store/product-rows.js';
import { variantAvailability } from '../inventory/index.js';

function toVariant(row: DocumentVariant): ProductVariant {
  const { available, in_stock, backorder } = variantAvailability(row);
  return {
    id: row.id,
    sku: row.sku,
    title: row.title,
    options: row.options,
    price: { amount: row.price_amount, currency: row.currency },
    compare_at_price: row.compare_at_amount === null ? null : { amount: row.compare_at_amount, currency: row.currency },
    available_quantity: available,
    in_stock,
    backorder,
    track_inventory: row.track_inventory,
    inventory_policy: row.inventory_policy,
    requires_shipping: row.requires_shipping,
    image_id: row.image_id,
    enabled: row.enabled,
    weight_grams: row.weight_grams,
  };
}

function toImage(row: DocumentImage): ProductImage {
  return {
    id: row.id,
    url: row.url,
    alt: row.alt,
    width: row.width,
    height: row.height,
    position: row.position,
    sources: row.sources,
  };
}

/**
 * Assembles the wire product from its rows. `variants` must be non-empty and in display order;
 * the product's price is its cheapest variant's (the first of them on a tie).
 */
export function toProduct(
  row: ProductRow,
  variants: readonly DocumentVariant[],
  images: readonly DocumentImage[],
  categoryPath: readonly CategoryRef[] = [],
): Product {
  const wireVariants = variants.map(toVariant);
  let cheapest = 0;
  wireVariants.forEach((v, i) => {
    if (v.price.amount < (wireVariants[cheapest]?.price.amount ?? Infinity)) cheapest = i;
  });
  const lowest = wireVariants[cheapest];
  if (!lowest) throw new Error(`product ${row.id} has no variants`);
  return {
    object: 'product',
    id: row.id,
    handle: row.handle,
    name: row.name,
    brand: row.brand,
    category: { id: row.category_id, slug: row.category_slug, name: row.category_name },
    short_description: row.short_description,
    description_html: row.description_html,
    images: images.map(toImage),
    options: row.options,
    variants: wireVariants,
    price: lowest.price,
    compare_at_price: lowest.compare_at_price,
    in_stock: wireVariants.some((v) => v.in_stock),
    rating: {
      average: row.rating_average,
      count: row.rating_count,
      distribution: toDistribution(row.rating_distribution),
    },
    tags: row.tags,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    sku: row.sku,
    category_path:
      categoryPath.length > 0
        ? [...categoryPath]
        : [{ id: row.category_id, slug: row.category_slug, name: row.category_name }],
    attributes: row.attributes,
    seo: {
      title: row.seo_title ?? row.name,
      description: row.seo_description ?? row.short_description,
      keywords: row.seo_keywords,
      canonical_url: row.seo_canonical_url,
      og_image: row.seo_og_image ?? images[0]?.url ?? null,
    },
  };
}

/** The wire product of a product document; null for a product without variants (never shown). */
export function documentToProduct(row: ProductDocumentRow): Product | null {
  if (!row.variants || row.variants.length === 0) return null;
  return toProduct(row, row.variants, row.images, row.category_path ?? []);
}

function toDistribution(counts: readonly number[]): Product['rating']['distribution'] {
  const at = (i: number) => counts[i] ?? 0;
  return { 1: at(0), 2: at(1), 3: at(2), 4: at(3), 5: at(4) };
}

/** Groups rows by product id, keeping their order. */
export function groupByProduct<T extends { product_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.product_id);
    if (group) group.push(row);
    else groups.set(row.product_id, [row]);
  }
  return groups;
}
