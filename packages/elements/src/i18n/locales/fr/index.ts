import { common } from './common.js';
import { catalog } from './catalog.js';
import { product } from './product.js';
import { cart } from './cart.js';
import { checkout } from './checkout.js';
import { order } from './order.js';

export const fr = { ...common, ...catalog, ...product, ...cart, ...checkout, ...order };
