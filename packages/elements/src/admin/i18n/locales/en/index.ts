import { catalog } from './catalog.js';
import { shell } from './shell.js';
import { orders } from './orders.js';

import { coupons } from './coupons.js';
import { keys } from './keys.js';
import { settings } from './settings.js';

/** The console's English words; each area adds its file here. */
export const en = { ...shell, ...orders, ...coupons, ...keys, ...settings, ...catalog };
