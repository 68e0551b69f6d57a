import type { Translation } from '../../../../i18n/translation.js';
import type { en } from '../en/index.js';
import { catalog } from './catalog.js';
import { shell } from './shell.js';
import { orders } from './orders.js';

import { coupons } from './coupons.js';
import { keys } from './keys.js';
import { settings } from './settings.js';
import { audit } from './audit.js';
import { staff } from './staff.js';
import { account } from './account.js';

export const es: Translation<typeof en> = {
  ...shell,
  ...coupons,
  ...keys,
  ...settings,
  ...catalog,
  ...audit,
  ...staff,
  ...account,
  ...orders,
};
