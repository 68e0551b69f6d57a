import type { Translation } from '../../../../i18n/translation.js';
import type { en } from '../en/index.js';
import { shell } from './shell.js';
import { audit } from './audit.js';
import { staff } from './staff.js';
import { account } from './account.js';

export const ja: Translation<typeof en> = { ...shell, ...audit, ...staff, ...account };
