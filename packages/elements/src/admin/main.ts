/**
 * The console's entry, served at `/admin` by the reference server: defines `<shop-admin>` and the
 * shared console elements; each area's screens are chunks loaded on first visit (see routes.ts).
 */
import { defineElement } from '../internal/define-element.js';
import { directionOf } from '../i18n/localizer.js';
import { ShopAdmin } from './shell/admin-app.js';
import { ShopAdminConfirm } from './ui/confirm-dialog.js';

// The console speaks the browser's language unless the page says otherwise.
const root = document.documentElement;
if (!root.getAttribute('lang')) root.lang = navigator.language || 'en';
root.dir = directionOf(root.lang);
// Through the CSSOM, which the console's strict CSP allows where an inline <style> is refused.
document.body.style.margin = '0';

defineElement(ShopAdminConfirm);
defineElement(ShopAdmin);
