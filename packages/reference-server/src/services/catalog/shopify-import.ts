import { createHash } from 'node:crypto';
import { currencyExponent, type ImportSummary } from '@shoptag/sdk/contract';
import { parse } from 'csv-parse/sync';
import { InvalidRequestError } from '../../errors.js';
import type { Db } from '../../store/db.js';
import { createProductWriter, UniqueViolation, type ProductDraft } from '../../store/product-writer.js';
import { DEFAULT_IMAGE_SIZE, newId, optionsOf } from './admin-catalog-service.js';
import { sanitizeProductHtml } from './sanitize.js';

type Row = Record<string, string>;

/** Columns of Shopify's product CSV export that the importer reads. */
const REQUIRED_COLUMNS = ['Handle'];
const HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ImportProgress {
  done: number;
  total: number;
}

export interface ShopifyImportDeps {
  db: Db;
  currency: string;
  invalidate: () => Promise<void>;
}

/** "29.99" → 2999 in a two-decimal currency, without floating point. */
export function parseDecimal(text: string, exponent: number): number | null {
  const m = /^\s*(\d{1,12})(?:\.(\d+))?\s*$/.exec(text);
  if (!m) return null;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) return null;
  return Number(m[1]) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}

const slugify = (s: string) => s.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'imported';
const get = (row: Row, column: string) => (row[column] ?? '').trim();

interface Group {
  handle: string;
  rows: { line: number; row: Row }[];
}

interface Skip {
  row: number;
  handle: string | null;
  reason: string;
}

/**
 * A product group → a draft, or the reason it cannot be imported. Variant rows are those with a
 * price or option value; image-only rows only add images.
 */
function toDraft(group: Group, exponent: number, currency: string, skips: Skip[]): Omit<ProductDraft, 'categoryId'> & { categoryName: string } | null {
  const first = group.rows[0];
  if (!first) return null;
  const head = first.row;
  const skipAll = (reason: string) => {
    const already = new Set(skips.map((s) => s.row));
    for (const { line } of group.rows) if (!already.has(line)) skips.push({ row: line, handle: group.handle, reason });
    return null;
  };
  if (!HANDLE.test(group.handle)) return skipAll(`Handle '${group.handle}' must be lower-case words joined by hyphens`);
  const title = get(head, 'Title');
  if (!title) return skipAll('the first row of a product needs a Title');
  const optionNames = [1, 2, 3].map((n) => get(head, `Option${n} Name`));
  const images = new Map<string, { url: string; alt: string; position: number }>();
  const addImage = (url: string, alt: string, position: number) => {
    if (!images.has(url)) images.set(url, { url, alt, position });
  };
  const variants: ProductDraft['variants'] = [];
  for (const { line, row } of group.rows) {
    const src = get(row, 'Image Src');
    if (src) addImage(src, get(row, 'Image Alt Text'), Number(get(row, 'Image Position')) || images.size + 1);
    const priceText = get(row, 'Variant Price');
    const hasVariant = priceText !== '' || get(row, 'Option1 Value') !== '' || get(row, 'Variant SKU') !== '';
    if (!hasVariant) continue;
    const price = parseDecimal(priceText, exponent);
    if (price === null) {
      skips.push({ row: line, handle: group.handle, reason: `Variant Price '${priceText}' is not a price in ${currency}` });
      continue;
    }
    const compareText = get(row, 'Variant Compare At Price');
    const compareAt = compareText === '' ? null : parseDecimal(compareText, exponent);
    if (compareAt === null && compareText !== '') {
      skips.push({ row: line, handle: group.handle, reason: `Variant Compare At Price '${compareText}' is not a price` });
      continue;
    }
    const qtyText = get(row, 'Variant Inventory Qty');
    const qty = qtyText === '' ? 0 : Number(qtyText);
    if (!Number.isInteger(qty)) {
      skips.push({ row: line, handle: group.handle, reason: `Variant Inventory Qty '${qtyText}' is not a whole number` });
      continue;
    }
    const gramsText = get(row, 'Variant Grams');
    const grams = gramsText === '' ? null : Math.round(Number(gramsText));
    const options: Record<string, string> = {};
    optionNames.forEach((name, i) => {
      const value = get(row, `Option${i + 1} Value`);
      // Shopify's single-variant products have Title: Default Title, which is no option at all.
      if (name && value && !(name === 'Title' && value === 'Default Title')) options[name] = value;
    });
    const sku = get(row, 'Variant SKU') || `${group.handle}-${variants.length + 1}`.toUpperCase();
    if (variants.some((v) => v.sku === sku)) {
      skips.push({ row: line, handle: group.handle, reason: `Variant SKU '${sku}' appears twice in this product` });
      continue;
    }
    const variantImage = get(row, 'Variant Image');
    if (variantImage) addImage(variantImage, title, Number.MAX_SAFE_INTEGER);
    variants.push({
      sku,
      title: Object.values(options).join(' / ') || 'Default',
      options,
      price,
      compareAt: compareAt !== null && compareAt > price ? compareAt : null,
      stock: Math.max(0, qty),
      weightGrams: grams !== null && Number.isFinite(grams) && grams >= 0 ? grams : null,
      enabled: true,
      imageUrl: variantImage || null,
    });
  }
  if (variants.length === 0) return skipAll('a product needs at least one row with a Variant Price');
  const statusText = get(head, 'Status').toLowerCase();
  const status = statusText === 'draft' || statusText === 'archived' ? statusText : get(head, 'Published').toLowerCase() === 'false' ? 'draft' : 'active';
  const type = get(head, 'Type') || get(head, 'Product Category').split('>').at(-1)?.trim() || 'Imported';
  const ordered = [...images.values()].sort((a, b) => a.position - b.position);
  return {
    handle: group.handle,
    name: title,
    sku: null,
    brand: get(head, 'Vendor'),
    categoryName: type,
    shortDescription: '',
    descriptionHtml: sanitizeProductHtml(get(head, 'Body (HTML)')),
    tags: get(head, 'Tags').split(',').map((t) => t.trim()).filter(Boolean),
    attributes: {},
    status,
    seo: { title: get(head, 'SEO Title') || null, description: get(head, 'SEO Description') || null, keywords: [], canonicalUrl: null, ogImage: null },
    // External image URLs are stored as given: their size is unknown until fetched, so square.
    images: ordered.map((i) => ({ url: i.url, alt: i.alt, width: DEFAULT_IMAGE_SIZE, height: DEFAULT_IMAGE_SIZE })),
    options: optionsOf(variants),
    variants,
    currency,
    importChecksum: null,
  };
}

/** Parses the CSV and groups rows by Handle, in file order. Line numbers count the header as 1. */
export function readShopifyCsv(csv: string | Buffer): { groups: Group[]; rows: number; skips: Skip[] } {
  let records: Row[];
  try {
    records = parse(csv, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: false }) as Row[];
  } catch (error) {
    throw new InvalidRequestError(`The CSV could not be parsed: ${error instanceof Error ? error.message : String(error)}`, { code: 'csv_invalid' });
  }
  const columns = Object.keys(records[0] ?? {});
  if (records.length > 0 && !REQUIRED_COLUMNS.every((c) => columns.includes(c))) {
    throw new InvalidRequestError('This is not a Shopify product export: the Handle column is missing.', { code: 'csv_invalid' });
  }
  const groups = new Map<string, Group>();
  const skips: Skip[] = [];
  records.forEach((row, i) => {
    const line = i + 2;
    const handle = get(row, 'Handle');
    if (!handle) {
      skips.push({ row: line, handle: null, reason: 'the row has no Handle' });
      return;
    }
    const group = groups.get(handle) ?? { handle, rows: [] };
    group.rows.push({ line, row });
    groups.set(handle, group);
  });
  return { groups: [...groups.values()], rows: records.length, skips };
}

/**
 * Imports Shopify's product CSV export. Each product is written in its own transaction; one that
 * equals what the last import of it wrote (same checksum) is left alone, so re-importing a file
 * changes nothing.
 */
export function createShopifyImporter(deps: ShopifyImportDeps) {
  return async function importCsv(csv: string | Buffer, onProgress?: (progress: ImportProgress) => void): Promise<ImportSummary> {
    const { groups, rows, skips } = readShopifyCsv(csv);
    const exponent = currencyExponent(deps.currency);
    const summary: ImportSummary = { object: 'import_summary', rows, products: { created: 0, updated: 0, unchanged: 0 }, created: [], updated: [], skipped: skips };
    let done = 0;
    for (const group of groups) {
      const draft = toDraft(group, exponent, deps.currency, summary.skipped);
      if (draft) {
        const { categoryName, ...rest } = draft;
        const checksum = createHash('sha256').update(JSON.stringify(draft)).digest('hex');
        try {
          const outcome = await deps.db.transaction(async (tx) => {
            const writer = createProductWriter(tx, newId);
            const existing = await writer.findProduct(group.handle);
            if (existing?.import_checksum === checksum) return 'unchanged' as const;
            const categoryId = await writer.ensureCategory(categoryName, slugify(categoryName));
            await writer.save({ ...rest, categoryId, importChecksum: checksum }, existing?.id);
            return existing ? ('updated' as const) : ('created' as const);
          });
          summary.products[outcome] += 1;
          if (outcome !== 'unchanged') summary[outcome].push(group.handle);
        } catch (error) {
          if (!(error instanceof UniqueViolation)) throw error;
          const reason = /sku/.test(error.constraint) ? 'a Variant SKU is already used by another product' : 'conflicts with an existing product';
          for (const { line } of group.rows) summary.skipped.push({ row: line, handle: group.handle, reason });
        }
      }
      done += 1;
      onProgress?.({ done, total: groups.length });
    }
    summary.skipped.sort((a, b) => a.row - b.row);
    if (summary.products.created + summary.products.updated > 0) await deps.invalidate();
    return summary;
  };
}

export type ShopifyImporter = ReturnType<typeof createShopifyImporter>;
