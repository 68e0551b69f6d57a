import type { CategoryRef } from '@shoptag/sdk/contract';
import type { ImageRow, ProductRow, VariantRow } from './product-rows.js';

/** A variant as the product document carries it: the variant row without what the document already says. */
export type DocumentVariant = Omit<VariantRow, 'product_id' | 'position'>;
export type DocumentImage = Omit<ImageRow, 'product_id'>;

/**
 * A product row with everything its wire shape needs, read in the same statement: variants with
 * their stock (display order), images (display order) and the category path (root first).
 */
export interface ProductDocumentRow extends ProductRow {
  /** Null for a product without variants, which is never shown. */
  variants: DocumentVariant[] | null;
  images: DocumentImage[];
  /** Null only if the category row were missing, which its foreign key prevents. */
  category_path: CategoryRef[] | null;
  /** What the document's stock reads as, in `stockSignatureSql`'s form. */
  stock_signature: string;
}

/**
 * The units each variant of product `productId` (an SQL expression) can sell, in display order,
 * as text such as `3,0,12`: everything in a product's wire shape that changes without an admin
 * write (available quantities and in-stock flags derive from it). A product's serialized form is
 * reused only while this reads the same, so a reused product never shows old stock.
 */
export function stockSignatureSql(productId: string): string {
  // The level is looked up per variant (an index probe): joined, the planner may scan every level.
  return `(SELECT coalesce(string_agg(
      (CASE WHEN sv.enabled
        THEN greatest(coalesce((SELECT si.on_hand - si.reserved FROM inventory_levels si WHERE si.variant_id = sv.id), 0), 0)
        ELSE 0 END)::text,
      ',' ORDER BY sv.position, sv.id), '')
    FROM variants sv WHERE sv.product_id = ${productId})`;
}

/** The product's own columns, on `products p JOIN categories c` (without its options). */
export const PRODUCT_BASE_COLUMNS = `
  p.id, p.handle, p.name, p.brand, p.category_id, c.slug AS category_slug, c.name AS category_name,
  p.short_description, p.description_html, p.tags, p.rating_average::float8 AS rating_average,
  p.rating_count, p.position, p.created_at, p.updated_at, p.sku, p.attributes, p.seo_title, p.seo_description,
  p.seo_keywords, p.seo_canonical_url, p.seo_og_image, p.rating_distribution, p.status`;

/**
 * The statement tail that turns a CTE `page` (the products to show: at least `id` and
 * `category_id`, in any order) into product documents: the product columns plus variants, images and category path
 * aggregated as JSON, so a page of products costs one round trip. Each part is aggregated for
 * the whole page at once rather than per product. `json` (not `jsonb`) keeps keys in the order
 * written here. `extraColumns` are more select-list items over `page l`; `orderBy` sorts the rows.
 */
export function productDocumentsSql(extraColumns: string, orderBy: string): string {
  return `,
  doc_options AS (
    SELECT o.product_id, json_agg(json_build_object('name', o.name, 'values', o."values") ORDER BY o.position) AS options
    FROM page l JOIN product_options o ON o.product_id = l.id
    GROUP BY o.product_id),
  doc_variants AS (
    SELECT v.product_id, json_agg(json_build_object(
             'id', v.id, 'sku', v.sku, 'title', v.title, 'options', v.options, 'price_amount', v.price_amount,
             'compare_at_amount', v.compare_at_amount, 'currency', v.currency, 'image_id', v.image_id,
             'on_hand', coalesce(i.on_hand, 0), 'reserved', coalesce(i.reserved, 0),
             'enabled', v.enabled, 'weight_grams', v.weight_grams, 'track_inventory', v.track_inventory,
             'inventory_policy', v.inventory_policy, 'requires_shipping', v.requires_shipping) ORDER BY v.position, v.id) AS variants
    FROM page l JOIN variants v ON v.product_id = l.id LEFT JOIN inventory_levels i ON i.variant_id = v.id
    GROUP BY v.product_id),
  doc_images AS (
    SELECT m.product_id, json_agg(json_build_object(
             'id', m.id, 'url', m.url, 'alt', m.alt, 'width', m.width, 'height', m.height,
             'position', m.position, 'sources', m.sources) ORDER BY m.position, m.id) AS images
    FROM page l JOIN product_images m ON m.product_id = l.id
    GROUP BY m.product_id),
  -- Each page category's ancestors, walking up; a cycle (which the admin API never makes) ends
  -- the walk instead of looping.
  doc_up (start_id, id, depth, parent_id, seen) AS (
    SELECT c.id, c.id, 0, c.parent_id, ARRAY[c.id]
    FROM categories c WHERE c.id IN (SELECT l.category_id FROM page l)
    UNION ALL
    SELECT u.start_id, c.id, u.depth + 1, c.parent_id, u.seen || c.id
    FROM doc_up u JOIN categories c ON c.id = u.parent_id WHERE c.id <> ALL (u.seen)),
  doc_paths AS (
    SELECT u.start_id, json_agg(json_build_object('id', c.id, 'slug', c.slug, 'name', c.name) ORDER BY u.depth DESC) AS path
    FROM doc_up u JOIN categories c ON c.id = u.id
    GROUP BY u.start_id)
  SELECT ${PRODUCT_BASE_COLUMNS},
    coalesce(o.options, '[]'::json) AS options, dv.variants, coalesce(di.images, '[]'::json) AS images,
    dp.path AS category_path, ${stockSignatureSql('l.id')} AS stock_signature${extraColumns ? `, ${extraColumns}` : ''}
  FROM page l
  JOIN products p ON p.id = l.id
  JOIN categories c ON c.id = p.category_id
  LEFT JOIN doc_options o ON o.product_id = l.id
  LEFT JOIN doc_variants dv ON dv.product_id = l.id
  LEFT JOIN doc_images di ON di.product_id = l.id
  LEFT JOIN doc_paths dp ON dp.start_id = p.category_id
  ORDER BY ${orderBy}`;
}
