import type { product as english } from '../en/product.js';
import type { Translation } from '../../translation.js';

export const product = {} satisfies Translation<typeof english>;
