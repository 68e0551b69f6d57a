import type { ShopStoreValue } from './store-context.js';
import { storeValueFrom } from './page-config.js';
import { warn } from './dev.js';

/**
 * The store of an element that names its own shop (`publishable-key`, optional `endpoint`), for
 * a lone element in a CMS block with no `<shop-store>` around it. Undefined (with W002) when the
 * settings are invalid.
 */
export function ownStoreValue(tag: string, endpoint: string, publishableKey: string): ShopStoreValue | undefined {
  try {
    return storeValueFrom({ ...(endpoint ? { endpoint } : {}), publishableKey });
  } catch (err) {
    warn('W002', `<${tag}> is misconfigured: ${(err as Error).message}`);
    return undefined;
  }
}
