import { createShopClient, type ShopClient } from '@shoptag/sdk';
import type { ShopStoreValue } from './store-context.js';
import type { MessageOverrides } from '../i18n/catalogues.js';
import { scriptOrigin } from './script-origin.js';

/** The page-wide configuration read from `window.shoptag`, for elements outside any `<shop-store>`. */
export interface ShoptagPageConfig {
  endpoint?: string;
  publishableKey?: string;
  locale?: string;
  currency?: string;
  /** The shop's own words, by locale: `{ de: { 'cart.checkout': 'Zur Kasse' } }`. See docs/i18n.md. */
  messages?: Readonly<Record<string, MessageOverrides>>;
}

declare global {
  interface Window {
    shoptag?: ShoptagPageConfig;
  }
}

/** `window.shoptag`, when the page set one. */
export function pageConfig(): ShoptagPageConfig | undefined {
  const config = typeof window === 'undefined' ? undefined : window.shoptag;
  return config && typeof config === 'object' ? config : undefined;
}

/**
 * The endpoint to use when none is given: `window.shoptag.endpoint`, else the origin of the CDN
 * script, else the page's own origin.
 */
export function defaultEndpoint(): string {
  return pageConfig()?.endpoint ?? scriptOrigin() ?? location.origin;
}

const clients = new Map<string, ShopClient>();

/** One client per endpoint and key, shared by every element that uses them. May throw the SDK's TypeError. */
export function clientFor(endpoint: string, publishableKey: string): ShopClient {
  const id = `${endpoint}\n${publishableKey}`;
  let client = clients.get(id);
  if (!client) {
    client = createShopClient({ endpoint, publishableKey });
    clients.set(id, client);
  }
  return client;
}

/** Builds a store value from explicit settings; undefined when there is no key. */
export function storeValueFrom(settings: ShoptagPageConfig): ShopStoreValue | undefined {
  if (!settings.publishableKey) return undefined;
  const client = clientFor(settings.endpoint ?? defaultEndpoint(), settings.publishableKey);
  return {
    client,
    endpoint: client.endpoint,
    publishableKey: settings.publishableKey,
    locale: settings.locale || undefined,
    currency: settings.currency || undefined,
  };
}
