import { minorToDecimalString, type Product } from '@shoptag/sdk';

/** schema.org Product markup for search engines, from the wire product. */
export function productJsonLd(
  product: Product,
  imageUrl: (url: string) => string,
  pageUrl: string,
): Record<string, unknown> {
  const text = new DOMParser().parseFromString(product.description_html, 'text/html').body.textContent?.trim() ?? '';
  const offers = product.variants.map((v) => ({
    '@type': 'Offer',
    sku: v.sku,
    name: v.title,
    price: minorToDecimalString(v.price.amount, v.price.currency),
    priceCurrency: v.price.currency,
    availability: !(v.enabled && v.in_stock)
      ? 'https://schema.org/OutOfStock'
      : v.backorder
        ? 'https://schema.org/BackOrder'
        : 'https://schema.org/InStock',
    url: pageUrl,
  }));
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.name,
    description: product.seo.description || product.short_description || text,
    sku: product.sku ?? product.variants[0]?.sku,
    ...(product.brand ? { brand: { '@type': 'Brand', name: product.brand } } : {}),
    category: product.category_path.map((c) => c.name).join(' > '),
    image: product.images.map((i) => imageUrl(i.url)),
    offers,
    ...(product.rating.count > 0
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: product.rating.average,
            reviewCount: product.rating.count,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
  };
}
