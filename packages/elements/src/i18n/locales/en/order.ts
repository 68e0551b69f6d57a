import type { Message } from '../../message.js';

/** The order domain's messages (keys prefixed by the element or area, e.g. 'order.title'). */
export const order = {} as const satisfies Record<string, Message>;
