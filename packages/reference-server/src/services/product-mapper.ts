import type { Product, ProductImage, ProductVariant } from '@shoptag/sdk/contract';
import type { ImageRow, ProductRow, VariantRow } from '../store/product-repository.js';

function toVariant(row: VariantRow): ProductVariant {
  const available = Math.max(0, row.on_hand - row.reserved);
  return {
    id: row.id,
    sku: row.sku,
    title: row.title,
    options: row.options,
    price: { amount: row.price_amount, currency: row.currency },
    compare_at_price: row.compare_at_amount === null ? null : { amount: row.compare_at_amount, currency: row.currency },
    available_quantity: available,
    in_stock: available > 0,
    image_id: row.image_id,
  };
}

function toImage(row: ImageRow): ProductImage {
  return { id: row.id, url: row.url, alt: row.alt, width: row.width, height: row.height, position: row.position };
}

/**
 * Assembles the wire product from its rows. `variants` must be non-empty and in display order;
 * the product's price is its cheapest variant's (the first of them on a tie).
 */
export function toProduct(row: ProductRow, variants: readonly VariantRow[], images: readonly ImageRow[]): Product {
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
    rating: { average: row.rating_average, count: row.rating_count },
    tags: row.tags,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
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
