import { createHash } from 'node:crypto';
import { ProductCreate, VariantInput, type ProductCreate as ProductCreateInput } from '@shoptag/sdk/contract';
import type { z } from 'zod';
import type { ProductDraft } from '../../store/product-writer.js';
import { unstorable } from '../../storable-text.js';
import { describeIssue, valueAt } from '../../zod-issue.js';
import { DEFAULT_IMAGE_SIZE, optionsOf } from './admin-catalog-service.js';
import type { CsvRecord } from './csv-records.js';
import { sanitizeProductHtml } from './sanitize.js';

/** A row the import did not apply, and why. */
export interface RowSkip {
  row: number;
  handle: string | null;
  reason: string;
}

/** The rows of one product: consecutive rows sharing a Handle, as Shopify exports them. */
export interface ProductRows {
  handle: string;
  rows: CsvRecord[];
}

/** A product ready to write: the draft (without its category id) and the checksum of what it says. */
export interface ImportedProduct {
  handle: string;
  categoryName: string;
  draft: Omit<ProductDraft, 'categoryId'>;
  checksum: string;
}

const HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const OPTION_NUMBERS = [1, 2, 3] as const;
/** Values echoed in a reason are cut to this length. */
const SHOWN_CHARS = 80;

const get = (record: CsvRecord, column: string) => (record.fields[column] ?? '').trim();
/** Whether the file has `column` at all (an export without it keeps Shoptag's defaults). */
const has = (record: CsvRecord, column: string) => column in record.fields;

/**
 * Shopify's stock columns → the variant's stock settings. `Variant Inventory Tracker` empty means
 * Shopify does not count the stock (always sellable: gift cards, downloads); any tracker
 * (`shopify`, a fulfilment service) counts it. `Variant Inventory Policy` `continue` keeps selling
 * when out of stock. `Variant Requires Shipping` FALSE is a digital product. A file without a
 * column keeps the default (tracked, deny, ships); a value that is none of these is a reason.
 */
function stockSettings(
  record: CsvRecord,
):
  | { track_inventory: boolean; inventory_policy: 'deny' | 'continue'; requires_shipping: boolean }
  | { column: string; value: string } {
  const tracker = get(record, 'Variant Inventory Tracker');
  const policy = get(record, 'Variant Inventory Policy').toLowerCase();
  const shipping = get(record, 'Variant Requires Shipping').toLowerCase();
  if (policy !== '' && policy !== 'deny' && policy !== 'continue')
    return { column: 'Variant Inventory Policy', value: get(record, 'Variant Inventory Policy') };
  if (shipping !== '' && shipping !== 'true' && shipping !== 'false')
    return { column: 'Variant Requires Shipping', value: get(record, 'Variant Requires Shipping') };
  return {
    track_inventory: has(record, 'Variant Inventory Tracker') ? tracker !== '' : true,
    inventory_policy: policy === 'continue' ? 'continue' : 'deny',
    requires_shipping: shipping !== 'false',
  };
}

/** Why a row cannot be stored at all (a NUL character, half a surrogate pair), or null. */
function unstorableField(record: CsvRecord): string | null {
  for (const [column, value] of Object.entries(record.fields)) {
    const why = unstorable(value);
    if (why) return `${column} contains ${why}`;
  }
  return null;
}

/** "29.99" → 2999 in a two-decimal currency, without floating point. */
export function parseDecimal(text: string, exponent: number): number | null {
  const m = /^\s*(\d{1,12})(?:\.(\d+))?\s*$/.exec(text);
  if (!m) return null;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) return null;
  return Number(m[1]) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}

/** `Title must be at most 300 characters long`, with the value when it is short enough to show. */
function reasonFor(column: string, issue: z.core.$ZodIssue, input: unknown): string {
  const value = valueAt(input, issue.path);
  const shown =
    typeof value === 'string'
      ? value.length <= SHOWN_CHARS
        ? ` (got ${JSON.stringify(value)})`
        : ` (got ${value.length.toLocaleString('en')} characters)`
      : '';
  return `${column} ${describeIssue(issue)}${shown}`;
}

/** The CSV column a variant field came from. */
function variantColumn(path: readonly PropertyKey[], issue: z.core.$ZodIssue, optionNames: readonly string[]): string {
  const [field, key] = path;
  if (field === 'options') {
    const n = optionNames.indexOf(String(key)) + 1 || 1;
    return issue.code === 'invalid_key' ? `Option${n} Name` : `Option${n} Value`;
  }
  const columns: Record<string, string> = {
    sku: 'Variant SKU',
    price: 'Variant Price',
    compare_at_price: 'Variant Compare At Price',
    stock: 'Variant Inventory Qty',
    weight_grams: 'Variant Grams',
    image_url: 'Variant Image',
    track_inventory: 'Variant Inventory Tracker',
    inventory_policy: 'Variant Inventory Policy',
    requires_shipping: 'Variant Requires Shipping',
  };
  return columns[String(field)] ?? 'Variant';
}

const PRODUCT_COLUMNS: Record<string, string> = {
  handle: 'Handle',
  name: 'Title',
  brand: 'Vendor',
  category: 'Type',
  description_html: 'Body (HTML)',
  tags: 'Tags',
  status: 'Status',
  seo: 'SEO Title',
  images: 'Image Src',
  variants: 'Variant Price',
};
const SEO_COLUMNS: Record<string, string> = { title: 'SEO Title', description: 'SEO Description' };

export interface BuildOptions {
  currency: string;
  exponent: number;
}

/**
 * One product's rows → the product to write, or null; every row not applied is added to `skip`
 * with its reason. Every field is held to the limits of `POST /v1/admin/products` (the contract's
 * `ProductCreate`): a row whose variant or variant image breaks them is skipped alone; a product
 * field or an image that breaks them skips the whole product.
 */
export function buildImportedProduct(
  group: ProductRows,
  options: BuildOptions,
  skip: (s: RowSkip) => void,
): ImportedProduct | null {
  const { handle, rows } = group;
  const head = rows[0];
  if (!head) return null;
  const skipped = new Set<number>();
  const skipRow = (row: number, reason: string) => {
    if (skipped.has(row)) return;
    skipped.add(row);
    skip({ row, handle, reason });
  };
  const skipAll = (reason: string, at?: number) => {
    for (const { row } of rows)
      skipRow(row, at === undefined || at === row ? reason : `not imported with its product (row ${at}: ${reason})`);
    return null;
  };

  if (!HANDLE.test(handle))
    return skipAll(
      `Handle '${handle.length <= SHOWN_CHARS ? handle : `${handle.slice(0, SHOWN_CHARS)}…`}' must be lower-case words joined by hyphens`,
    );
  const headProblem = unstorableField(head);
  if (headProblem) return skipAll(headProblem, head.row);
  const title = get(head, 'Title');
  if (!title) return skipAll('the first row of a product needs a Title');
  const optionNames = OPTION_NUMBERS.map((n) => get(head, `Option${n} Name`));

  // Images by URL, each remembering the row and column it came from (for reasons). An image's alt
  // text and position come from whichever row gives them: a variant's image first seen without
  // either (alt text then falls back to the title) takes them from a later image-only row.
  interface Image {
    url: string;
    alt: string | null;
    position: number | null;
    row: number;
    column: string;
  }
  const images = new Map<string, Image>();
  const addImage = (url: string, alt: string | null, position: number | null, row: number, column: string) => {
    const seen = images.get(url);
    if (!seen) images.set(url, { url, alt, position, row, column });
    else {
      if (seen.alt === null && alt !== null) seen.alt = alt;
      if (seen.position === null && position !== null) seen.position = position;
    }
  };
  const variants: (z.input<typeof VariantInput> & { row: number })[] = [];
  const skus = new Set<string>();

  for (const record of rows) {
    const { row } = record;
    const problem = record === head ? null : unstorableField(record);
    if (problem) {
      skipRow(row, problem);
      continue;
    }
    const priceText = get(record, 'Variant Price');
    const isVariant = priceText !== '' || get(record, 'Option1 Value') !== '' || get(record, 'Variant SKU') !== '';
    if (isVariant) {
      const price = parseDecimal(priceText, options.exponent);
      if (price === null) {
        skipRow(row, `Variant Price '${priceText.slice(0, SHOWN_CHARS)}' is not a price in ${options.currency}`);
        continue;
      }
      const compareText = get(record, 'Variant Compare At Price');
      const compareAt = compareText === '' ? null : parseDecimal(compareText, options.exponent);
      if (compareAt === null && compareText !== '') {
        skipRow(row, `Variant Compare At Price '${compareText.slice(0, SHOWN_CHARS)}' is not a price`);
        continue;
      }
      const qtyText = get(record, 'Variant Inventory Qty');
      const qty = qtyText === '' ? 0 : Number(qtyText);
      if (!Number.isInteger(qty)) {
        skipRow(row, `Variant Inventory Qty '${qtyText.slice(0, SHOWN_CHARS)}' is not a whole number`);
        continue;
      }
      const gramsText = get(record, 'Variant Grams');
      const grams = gramsText === '' ? null : Math.round(Number(gramsText));
      const variantOptions: Record<string, string> = {};
      optionNames.forEach((name, i) => {
        const value = get(record, `Option${i + 1} Value`);
        // Shopify's single-variant products have Title: Default Title, which is no option at all.
        if (name && value && !(name === 'Title' && value === 'Default Title')) variantOptions[name] = value;
      });
      const settings = stockSettings(record);
      if ('column' in settings) {
        skipRow(
          row,
          `${settings.column} '${settings.value.slice(0, SHOWN_CHARS)}' is not one of ${settings.column === 'Variant Inventory Policy' ? 'deny, continue' : 'TRUE, FALSE'}`,
        );
        continue;
      }
      const variantImage = get(record, 'Variant Image');
      const variant = {
        sku: get(record, 'Variant SKU') || `${handle}-${variants.length + 1}`.toUpperCase(),
        options: variantOptions,
        price,
        compare_at_price: compareAt !== null && compareAt > price ? compareAt : null,
        // Shopify exports oversold stock as negative: nothing is on hand.
        stock: Math.max(0, qty),
        weight_grams: grams !== null && Number.isFinite(grams) && grams >= 0 ? grams : null,
        image_url: variantImage || null,
        ...settings,
      };
      const checked = VariantInput.safeParse(variant);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        skipRow(row, reasonFor(variantColumn(issue.path, issue, optionNames), issue, variant));
        continue;
      }
      if (skus.has(variant.sku)) {
        skipRow(row, `Variant SKU '${variant.sku}' appears twice in this product`);
        continue;
      }
      skus.add(variant.sku);
      variants.push({ ...variant, row });
      if (variantImage) addImage(variantImage, null, null, row, 'Variant Image');
    }
    const src = get(record, 'Image Src');
    if (src)
      addImage(
        src,
        get(record, 'Image Alt Text') || null,
        Number(get(record, 'Image Position')) || images.size + 1,
        row,
        'Image Src',
      );
  }
  if (variants.length === 0) return skipAll('a product needs at least one row with a Variant Price');

  const statusText = get(head, 'Status').toLowerCase();
  const status =
    statusText === 'draft' || statusText === 'archived'
      ? statusText
      : get(head, 'Published').toLowerCase() === 'false'
        ? 'draft'
        : 'active';
  const categoryName = get(head, 'Type') || get(head, 'Product Category').split('>').at(-1)?.trim() || 'Imported';
  // Variant images no row placed go last; an image no row describes is described by the title.
  const ordered = [...images.values()]
    .map((i) => ({
      ...i,
      alt: i.alt ?? (i.column === 'Variant Image' ? title : ''),
      position: i.position ?? Number.MAX_SAFE_INTEGER,
    }))
    .sort((a, b) => a.position - b.position);
  const seoTitle = get(head, 'SEO Title');
  const seoDescription = get(head, 'SEO Description');
  const input: ProductCreateInput = {
    handle,
    name: title,
    brand: get(head, 'Vendor'),
    category: categoryName,
    description_html: get(head, 'Body (HTML)'),
    tags: get(head, 'Tags')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    status,
    seo: { ...(seoTitle ? { title: seoTitle } : {}), ...(seoDescription ? { description: seoDescription } : {}) },
    images: ordered.map((i) => ({ url: i.url, alt: i.alt })),
    variants: variants.map(({ row: _row, ...v }) => v),
  };
  const parsed = ProductCreate.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [field, index, sub] = issue.path;
    if (field === 'images' && typeof index === 'number') {
      const image = ordered[index];
      return skipAll(
        reasonFor(sub === 'alt' ? 'Image Alt Text' : (image?.column ?? 'Image Src'), issue, input),
        image?.row ?? head.row,
      );
    }
    if (field === 'variants' && typeof index === 'number') {
      const variant = variants[index];
      return skipAll(
        reasonFor(variantColumn(issue.path.slice(2), issue, optionNames), issue, input),
        variant?.row ?? head.row,
      );
    }
    const column =
      field === 'seo' ? (SEO_COLUMNS[String(index)] ?? 'SEO Title') : (PRODUCT_COLUMNS[String(field)] ?? String(field));
    return skipAll(reasonFor(column, issue, input), head.row);
  }

  const product = parsed.data;
  const draftVariants = product.variants.map((v) => ({
    sku: v.sku,
    title: Object.values(v.options).join(' / ') || 'Default',
    options: v.options,
    price: v.price,
    compareAt: v.compare_at_price ?? null,
    stock: v.stock,
    weightGrams: v.weight_grams ?? null,
    enabled: true,
    imageUrl: v.image_url ?? null,
    trackInventory: v.track_inventory ?? true,
    inventoryPolicy: v.inventory_policy ?? 'deny',
    requiresShipping: v.requires_shipping ?? true,
  }));
  const draft: Omit<ProductDraft, 'categoryId'> = {
    handle: product.handle,
    name: product.name,
    sku: null,
    brand: product.brand ?? '',
    shortDescription: '',
    descriptionHtml: sanitizeProductHtml(product.description_html ?? ''),
    tags: product.tags ?? [],
    attributes: {},
    status: product.status ?? 'active',
    seo: {
      title: product.seo?.title ?? null,
      description: product.seo?.description ?? null,
      keywords: [],
      canonicalUrl: null,
      ogImage: null,
    },
    // External image URLs are stored as given: their size is unknown until fetched, so square.
    images: (product.images ?? []).map((i) => ({
      url: i.url,
      alt: i.alt ?? '',
      width: DEFAULT_IMAGE_SIZE,
      height: DEFAULT_IMAGE_SIZE,
    })),
    options: optionsOf(draftVariants),
    variants: draftVariants,
    currency: options.currency,
    importChecksum: null,
  };
  // Keys in the order earlier versions hashed them, so re-importing a file they imported changes nothing.
  const { handle: _handle, name, sku, brand, ...rest } = draft;
  const checksum = createHash('sha256')
    .update(JSON.stringify({ handle, name, sku, brand, categoryName, ...rest }))
    .digest('hex');
  return { handle, categoryName, draft, checksum };
}
