// A static product page: show the product named by ?handle= in the address.
const handle = new URLSearchParams(location.search).get('handle');
const product = document.querySelector('shop-product');
if (product && handle) product.setAttribute('handle', handle);
