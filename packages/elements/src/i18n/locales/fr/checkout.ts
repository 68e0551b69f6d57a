import type { checkout as english } from '../en/checkout.js';
import type { Translation } from '../../translation.js';

export const checkout = {} satisfies Translation<typeof english>;
