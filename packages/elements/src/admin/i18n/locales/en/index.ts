import { shell } from './shell.js';

/** The console's English words; each area adds its file here. */
export const en = { ...shell };
