// The row shapes of products, variants and images as the product queries return them: a leaf that
// product-repository.ts and product-document-sql.ts both build on.

export interface ProductRow {
  id: string;
  handle: string;
  name: string;
  brand: string;
  category_id: string;
  category_slug: string;
  category_name: string;
  short_description: string;
  description_html: string;
  tags: string[];
  rating_average: number;
  rating_count: number;
  position: number;
  created_at: Date;
  updated_at: Date;
  options: { name: string; values: string[] }[];
  sku: string | null;
  attributes: Record<string, string>;
  seo_title: string | null;
  seo_description: string | null;
  seo_keywords: string[];
  seo_canonical_url: string | null;
  seo_og_image: string | null;
  rating_distribution: number[];
  status: 'active' | 'draft' | 'archived';
}

/** A listed product row with the aggregates the list sorts and filters on. */
export interface ListedProductRow extends ProductRow {
  min_price: number;
  in_stock: boolean;
  total: number;
}

export interface VariantRow {
  id: string;
  product_id: string;
  sku: string;
  title: string;
  options: Record<string, string>;
  price_amount: number;
  compare_at_amount: number | null;
  currency: string;
  position: number;
  image_id: string | null;
  on_hand: number;
  reserved: number;
  enabled: boolean;
  weight_grams: number | null;
  track_inventory: boolean;
  inventory_policy: 'deny' | 'continue';
  requires_shipping: boolean;
}

export interface ImageRow {
  id: string;
  product_id: string;
  url: string;
  alt: string;
  width: number;
  height: number;
  position: number;
  sources: { url: string; width: number; format: 'webp' | 'avif' }[];
}
