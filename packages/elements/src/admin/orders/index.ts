// The orders area of the console: its own chunk, loaded when an orders route first opens.
import { defineElement } from '../../internal/define-element.js';
import { ShopAdminOrderFulfil } from './order-fulfil-dialog.js';
import { ShopAdminOrderRefund } from './order-refund-dialog.js';
import { ShopAdminOrder } from './order-screen.js';
import { ShopAdminOrders } from './orders-screen.js';

defineElement(ShopAdminOrderFulfil);
defineElement(ShopAdminOrderRefund);
defineElement(ShopAdminOrders);
defineElement(ShopAdminOrder);

export { ShopAdminOrders, ShopAdminOrder, ShopAdminOrderFulfil, ShopAdminOrderRefund };
