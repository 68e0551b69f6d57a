/** Opens the page's cart drawer, adding one when the page has none (the CDN loader defines it). */
export function openCartDrawer(own: { publishableKey?: string; endpoint?: string; checkoutUrl?: string } = {}): void {
  type Drawer = HTMLElement & { show?: () => void };
  let drawer = document.querySelector<Drawer>('shop-cart' as string);
  if (!drawer) {
    drawer = document.createElement('shop-cart' as string) as Drawer;
    // A lone buy button with its own key hands it on, so the drawer reaches the same shop.
    if (own.publishableKey) drawer.setAttribute('publishable-key', own.publishableKey);
    if (own.endpoint) drawer.setAttribute('endpoint', own.endpoint);
    if (own.checkoutUrl) drawer.setAttribute('checkout-url', own.checkoutUrl);
    document.body.append(drawer);
  }
  const target = drawer;
  customElements.whenDefined('shop-cart').then(
    () => target.show?.(),
    () => undefined,
  );
}
