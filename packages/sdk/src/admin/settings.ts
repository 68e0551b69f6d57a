import type { ShopSettings, ShopSettingsUpdate } from '../contract/settings.js';
import type { RequestOptions, Transport } from '../request.js';

/** The shop's settings: `admin.settings` (owners only, with a session). */
export interface SettingsResource {
  /** The settings in force — name, currency, shipping zones, tax — and where each section comes from. */
  get(options?: RequestOptions): Promise<ShopSettings>;
  /**
   * Saves the sections given; `null` returns a section to the environment's. Amounts are minor
   * units of the currency in force after the change; every server process applies it within seconds.
   */
  update(change: ShopSettingsUpdate, options?: RequestOptions): Promise<ShopSettings>;
}

export function createSettingsResource(send: Transport): SettingsResource {
  return {
    get: (options = {}) => send<ShopSettings>({ method: 'GET', path: '/admin/settings', ...options }),
    update: (change, options = {}) =>
      send<ShopSettings>({ method: 'PATCH', path: '/admin/settings', body: change, ...options }),
  };
}
