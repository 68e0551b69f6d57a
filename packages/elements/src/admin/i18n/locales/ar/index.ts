import type { Translation } from '../../../../i18n/translation.js';
import type { en } from '../en/index.js';
import { shell } from './shell.js';
import { orders } from './orders.js';

export const ar: Translation<typeof en> = { ...shell, ...orders };
