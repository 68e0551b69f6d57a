// The audit area: who changed what (owners only).
import { defineElement } from '../../internal/define-element.js';
import { ShopAdminAudit } from './audit-screen.js';

defineElement(ShopAdminAudit);

export { ShopAdminAudit };
