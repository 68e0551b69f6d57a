// A static product page: show the product named by ?handle= in the address, and its relatives.
// <shop-product document-title> keeps the page's title and description on the product.
const handle = new URLSearchParams(location.search).get('handle');
if (handle) {
  for (const el of document.querySelectorAll('shop-product, shop-related-products'))
    el.setAttribute(el.localName === 'shop-product' ? 'handle' : 'product', handle);
}
