import type { SettingSource } from '@shoptag/sdk/contract';
import type { PricingConfig } from '../pricing/index.js';
import type { SettingsFallback } from './settings-service.js';

const set = (env: Record<string, string | undefined>, ...names: string[]) =>
  names.some((name) => (env[name]?.trim() ?? '') !== '');

/**
 * What applies where nothing is saved, and where it comes from: a SHOPTAG_* variable or the
 * shipping file (`environment`), else the built-in default. `shopName` is the environment's or
 * the mode's default (the demo's name, else "Shoptag").
 */
export function settingsFallbackOf(input: {
  env: Record<string, string | undefined>;
  shopName: string;
  currency: string;
  pricing: PricingConfig;
}): SettingsFallback {
  const { env } = input;
  const source = (...names: string[]): SettingSource => (set(env, ...names) ? 'environment' : 'default');
  return {
    shopName: input.shopName,
    currency: input.currency,
    pricing: input.pricing,
    sources: {
      shop_name: source('SHOPTAG_SHOP_NAME'),
      currency: source('SHOPTAG_CURRENCY'),
      shipping: source('SHOPTAG_SHIPPING_CONFIG', 'SHOPTAG_SHIPPING_RATE', 'SHOPTAG_FREE_SHIPPING_OVER'),
      tax: source('SHOPTAG_TAX_RATES', 'SHOPTAG_TAX_COUNTRY', 'SHOPTAG_PRICES_INCLUDE_TAX', 'SHOPTAG_TAX_SHIPPING'),
    },
  };
}
