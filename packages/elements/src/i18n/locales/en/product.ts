import type { Message } from '../../message.js';

/** The product domain's messages (keys prefixed by the element or area, e.g. 'product.title'). */
export const product = {} as const satisfies Record<string, Message>;
