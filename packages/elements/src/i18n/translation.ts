import type { Message } from './message.js';

/** A domain's messages in another language: exactly the English keys, each a `Message`. */
export type Translation<English> = { readonly [K in keyof English]: Message };
