import { isShopError } from '@shoptag/sdk';
import type { AdminMessageKey } from '../i18n/admin-messages.js';

/** Field → message key, keyed like the editor's fields (`name`, `handle`, `variants.2.sku` …). */
export type FieldErrors = Record<string, AdminMessageKey>;

/**
 * The editor's words for a refused save, by the server's `param` and `code`; undefined when the
 * error is not about one field (the banner then says it).
 */
export function productFieldErrors(error: unknown): FieldErrors | undefined {
  if (!isShopError(error) || error.type !== 'invalid_request_error' || !error.param) return undefined;
  const { param, code, message } = error;
  if (param === 'name') return { name: 'product.error.nameRequired' };
  if (param === 'handle')
    return { handle: code === 'handle_taken' ? 'product.error.handleTaken' : 'product.error.handle' };
  if (param === 'category') return { category: 'product.error.category' };
  if (param === 'variants' && code === 'sku_taken') return { variants: 'product.error.skuTaken' };
  if (param === 'sku' && code === 'sku_taken') return { variants: 'product.error.skuTaken' };
  const variant = /^variants\.(\d+)\.(\w+)/.exec(param);
  if (variant) {
    const [, index, field] = variant;
    if (field === 'sku')
      return {
        [`variants.${index}.sku`]: /duplicate/i.test(message)
          ? 'product.error.skuDuplicate'
          : 'product.error.skuRequired',
      };
    if (field === 'price' || field === 'compare_at_price')
      return { [`variants.${index}.${field}`]: 'product.error.price' };
  }
  if (param === 'variants') return { variants: 'product.error.tooManyVariants' };
  return undefined;
}
