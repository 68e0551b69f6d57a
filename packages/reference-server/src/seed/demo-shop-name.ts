/** The demo shop's name (examples/demo-shop), which its order emails are sent in. */
export const DEMO_SHOP_NAME = 'Harbor & Pine';
