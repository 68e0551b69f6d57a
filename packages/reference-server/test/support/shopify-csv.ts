// Shopify product CSV files of any size, for import tests.

export const SHOPIFY_HEADER =
  'Handle,Title,Body (HTML),Vendor,Type,Tags,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty,Image Src,Image Alt Text,Variant Image,Status';

/** One CSV line from the columns of {@link SHOPIFY_HEADER} by name (missing ones empty), quoted where needed. */
export function shopifyRow(fields: Partial<Record<string, string>>): string {
  return SHOPIFY_HEADER.split(',')
    .map((column) => {
      const value = fields[column] ?? '';
      return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
    })
    .join(',');
}

/** A file of `products` valid products (`prefix-0` …), each with `variants` size variants and an image. */
export function validProductsCsv(products: number, options: { variants?: number; prefix?: string } = {}): string {
  const variants = options.variants ?? 2;
  const prefix = options.prefix ?? 'bulk';
  const lines = [SHOPIFY_HEADER];
  for (let p = 0; p < products; p++) {
    for (let v = 0; v < variants; v++) {
      lines.push(
        shopifyRow({
          Handle: `${prefix}-${p}`,
          ...(v === 0
            ? {
                Title: `Bulk product ${p}`,
                'Body (HTML)': '<p>Made in bulk.</p>',
                Vendor: 'Bulkworks',
                Type: 'Bulk',
                Tags: 'bulk',
                'Option1 Name': 'Size',
              }
            : {}),
          'Option1 Value': `S${v}`,
          'Variant SKU': `${prefix.toUpperCase()}-${p}-${v}`,
          'Variant Price': `${10 + (p % 90)}.${String(v).padStart(2, '0')}`,
          'Variant Inventory Qty': String(p % 7),
          ...(v === 0
            ? { 'Image Src': `https://cdn.example.com/${prefix}-${p}.jpg`, 'Image Alt Text': `Product ${p}` }
            : {}),
        }),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A file of `rows` one-row products that are all skipped (no Title), like the one that froze the server. */
export function skippedRowsCsv(rows: number): string {
  const lines = ['Handle,Title,Variant Price'];
  for (let i = 0; i < rows; i++) lines.push(`skip-${i},,1.00`);
  return `${lines.join('\n')}\n`;
}
