/**
 * Shapes of the demo catalog as the seeder hands it to the store: camelCase, money in integer
 * minor units of `currency`, stock as units on hand. The wire shapes live in the SDK contract;
 * these are the rows the seed command inserts before any of that applies.
 */

export interface SeedCategory {
  id: string;
  slug: string;
  name: string;
  description: string;
  parentId: string | null;
  position: number;
}

export interface SeedImage {
  id: string;
  url: string;
  alt: string;
  width: number;
  height: number;
  position: number;
}

export interface SeedVariant {
  id: string;
  sku: string;
  title: string;
  options: Record<string, string>;
  /** Integer minor units (USD cents). */
  price: number;
  /** Integer minor units, higher than `price` when the variant is on sale. */
  compareAtPrice: number | null;
  onHand: number;
  imageId: string | null;
  position: number;
  /** False: stock not counted, always available (default true). */
  trackInventory?: boolean;
  /** `continue`: sold on backorder when out of stock (default `deny`). */
  inventoryPolicy?: 'deny' | 'continue';
  /** False: nothing to ship (default true). */
  requiresShipping?: boolean;
}

export interface SeedProduct {
  id: string;
  handle: string;
  name: string;
  brand: string;
  categoryId: string;
  shortDescription: string;
  descriptionHtml: string;
  tags: string[];
  createdAt: string;
  rating: { average: number; count: number };
  options: { name: string; values: string[] }[];
  images: SeedImage[];
  variants: SeedVariant[];
}

export interface SeedCatalog {
  currency: 'USD';
  categories: SeedCategory[];
  products: SeedProduct[];
}
