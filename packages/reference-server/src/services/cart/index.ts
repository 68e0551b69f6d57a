// The cart domain: server carts priced by the pricing domain. Other domains import it only through this file.
export { createCartService, type CartService, type CartServiceDeps } from './cart-service.js';
