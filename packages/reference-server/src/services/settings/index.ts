// The settings domain: the shop's name, currency, shipping zones and tax saved in the database,
// over the environment's; every process reads them with a short TTL. Other domains import it only through this file.
export {
  createSettingsService,
  DEFAULT_SETTINGS_TTL_MS,
  fromShippingZones,
  toShippingZones,
  type EffectiveSettings,
  type SettingsFallback,
  type SettingsService,
  type SettingsServiceDeps,
} from './settings-service.js';
export { settingsFallbackOf } from './settings-fallback.js';
