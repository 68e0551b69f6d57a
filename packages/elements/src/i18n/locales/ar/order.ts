import type { order as english } from '../en/order.js';
import type { Translation } from '../../translation.js';

export const order = {} satisfies Translation<typeof english>;
