import { shell } from './shell.js';
import { orders } from './orders.js';

/** The console's English words; each area adds its file here. */
export const en = { ...shell, ...orders };
