import type { Message } from '../../message.js';

/** The checkout domain's messages (keys prefixed by the element or area, e.g. 'checkout.title'). */
export const checkout = {} as const satisfies Record<string, Message>;
