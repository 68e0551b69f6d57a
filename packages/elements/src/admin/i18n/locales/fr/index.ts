import type { Translation } from '../../../../i18n/translation.js';
import type { en } from '../en/index.js';
import { catalog } from './catalog.js';
import { shell } from './shell.js';
import { orders } from './orders.js';

import { coupons } from './coupons.js';
import { keys } from './keys.js';
import { settings } from './settings.js';

export const fr: Translation<typeof en> = { ...shell, ...orders, ...coupons, ...keys, ...settings, ...catalog };
