import type { Product } from '@shoptag/sdk';

/** Longest meta description written; search engines show about this much. */
const DESCRIPTION_MAX = 160;

/**
 * The page title for `product` from a `document-title` template (`{name}`, `{brand}`); an empty
 * template gives the product's SEO title, else its name.
 */
export function documentTitle(product: Product, template: string): string {
  if (!template.trim()) return product.seo.title || product.name;
  return template.replace(/\{(name|brand)\}/g, (_, key: 'name' | 'brand') =>
    key === 'name' ? product.name : (product.brand ?? ''),
  );
}

/** The product's SEO description, else the start of its description as plain text. */
export function productDescription(product: Product): string {
  const text = product.seo.description || plainText(product.description_html);
  if (text.length <= DESCRIPTION_MAX) return text;
  const cut = text.slice(0, DESCRIPTION_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), DESCRIPTION_MAX / 2))}…`;
}

function plainText(html: string): string {
  // An inert document: nothing in the description runs or loads while its text is read.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Sets `<meta name="description">` in `doc`'s head, adding the tag when the page has none. */
export function setMetaDescription(doc: Document, content: string): void {
  let meta = doc.head.querySelector<HTMLMetaElement>('meta[name="description"]');
  if (!meta) {
    meta = doc.createElement('meta');
    meta.name = 'description';
    doc.head.append(meta);
  }
  if (meta.content !== content) meta.content = content;
}
