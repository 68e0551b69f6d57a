import type { Message } from '../../message.js';

/** The cart domain's messages (keys prefixed by the element or area, e.g. 'cart.title'). */
export const cart = {} as const satisfies Record<string, Message>;
