import type { ReactiveControllerHost } from 'lit';
import { createCatalogue } from '../../i18n/catalogue.js';
import { Localizer } from '../../i18n/localizer.js';
import { en } from './locales/en/index.js';

/** Every message key of the console. */
export type AdminMessageKey = keyof typeof en;

/**
 * The console's words, apart from the storefront's so shop pages never load them: English built
 * in, each other language a chunk loaded on first use.
 */
export const adminMessages = createCatalogue<typeof en>(en, {
  de: () => import('./locales/de/index.js').then((m) => m.de),
  fr: () => import('./locales/fr/index.js').then((m) => m.fr),
  es: () => import('./locales/es/index.js').then((m) => m.es),
  ja: () => import('./locales/ja/index.js').then((m) => m.ja),
  ar: () => import('./locales/ar/index.js').then((m) => m.ar),
});

/** A console element's localizer: the page's `lang` (or the browser's language) picks the words. */
export function adminLocalizer(host: ReactiveControllerHost & HTMLElement): Localizer<AdminMessageKey> {
  return new Localizer<AdminMessageKey>(host, () => undefined, adminMessages);
}
