/**
 * How a cart line and a checkout snapshot show a variant: product names, options, price, the
 * variant's own image (else the product's first), and stock available now. One fragment so the
 * cart and checkout can never disagree on which image or how much stock a line has.
 * Expects the variant aliased `v`; joins `products p`, `inventory_levels l` and the image `img`.
 */
export const VARIANT_DISPLAY_COLUMNS = `v.id AS variant_id, p.id AS product_id, p.handle AS product_handle, p.name AS product_name, p.brand,
                p.category_name, v.title AS variant_title, v.options, v.sku, v.price_amount,
                img.url AS image_url, img.alt AS image_alt,
                greatest(coalesce(l.on_hand - l.reserved, 0), 0) AS available,
                coalesce(l.on_hand - l.reserved, 0) AS stock_balance,
                v.track_inventory, v.inventory_policy, v.requires_shipping`;

export const VARIANT_DISPLAY_JOINS = `JOIN products p ON p.id = v.product_id
           LEFT JOIN inventory_levels l ON l.variant_id = v.id
           LEFT JOIN LATERAL (
             SELECT url, alt FROM product_images i
              WHERE i.id = v.image_id OR (v.image_id IS NULL AND i.product_id = p.id)
              ORDER BY (i.id = v.image_id) DESC, i.position LIMIT 1
           ) img ON true`;

/** The columns of {@link VARIANT_DISPLAY_COLUMNS}. */
export interface VariantDisplayRow {
  variant_id: string;
  product_id: string;
  product_handle: string;
  product_name: string;
  brand: string;
  category_name: string;
  variant_title: string;
  options: Record<string, string>;
  sku: string;
  price_amount: number;
  image_url: string | null;
  image_alt: string | null;
  available: number;
  /** on_hand − reserved, below 0 when a backorder variant is held or sold beyond its stock. */
  stock_balance: number;
  track_inventory: boolean;
  inventory_policy: 'deny' | 'continue';
  requires_shipping: boolean;
}
