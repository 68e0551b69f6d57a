import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { DEMO_SHOP_NAME } from './seed/demo-shop-name.js';
import { DEFAULT_EMAIL_SETTINGS } from './services/checkout/index.js';
import { createSettingsService, settingsFallbackOf, type SettingsService } from './services/settings/index.js';
import type { Db } from './store/db.js';

/**
 * The shop's settings for one process: saved sections over the environment's (SHOPTAG_* variables,
 * the shipping file), over the defaults. The server and `shoptag-server recover` share it, so a
 * recovered placement is priced as checkout priced it.
 */
export function wireSettings(input: {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  env: Record<string, string | undefined>;
  demo?: boolean;
  /** After a save in this process (the server forgets its cached catalogue answers). */
  onChange?: () => void | Promise<void>;
}): SettingsService {
  const { config } = input;
  return createSettingsService({
    db: input.db,
    clock: input.clock,
    fallback: settingsFallbackOf({
      env: input.env,
      shopName: config.email.shopName ?? (input.demo ? DEMO_SHOP_NAME : DEFAULT_EMAIL_SETTINGS.shopName),
      currency: config.currency,
      pricing: config.commerce.pricing,
    }),
    ...(input.onChange ? { onChange: input.onChange } : {}),
    onUnreadable: (message) => input.logger.warn(message),
  });
}
