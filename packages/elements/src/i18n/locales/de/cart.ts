import type { cart as english } from '../en/cart.js';
import type { Translation } from '../../translation.js';

export const cart = {} satisfies Translation<typeof english>;
