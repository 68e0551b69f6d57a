import { shell } from './shell.js';
import { audit } from './audit.js';
import { staff } from './staff.js';
import { account } from './account.js';

/** The console's English words; each area adds its file here. */
export const en = { ...shell, ...audit, ...staff, ...account };
