import { catalog } from './catalog.js';
import { shell } from './shell.js';
import { orders } from './orders.js';

import { coupons } from './coupons.js';
import { keys } from './keys.js';
import { settings } from './settings.js';
import { audit } from './audit.js';
import { staff } from './staff.js';
import { account } from './account.js';

/** The console's English words; each area adds its file here. */
export const en = { ...shell, ...coupons, ...keys, ...settings, ...catalog, ...audit, ...staff, ...account, ...orders };
