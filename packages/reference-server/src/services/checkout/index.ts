// The checkout domain: checkout sessions, order placement, orders and refunds, payment webhooks and
// the order confirmation email. Other domains import it only through this file.
export { createCheckoutServices, type CheckoutServices, type CheckoutServicesDeps } from './checkout-services.js';
export type { CheckoutService } from './checkout-service.js';
export type { OrderService, OrderListInput } from './order-service.js';
export type { OrderNotifier } from './order-notifier.js';
export type { OrderActor } from './order-timeline.js';
export { trackingUrl, KNOWN_CARRIERS } from './tracking-links.js';
export type { WebhookResult, WebhookService } from './webhook-service.js';
export { startRecoveryJob, type RecoveryJob } from './recovery-job.js';
export type { PlacementRecovery, RecoveryReport } from './placement-recovery.js';
export {
  createOrderMailer,
  renderConfirmation,
  renderShipped,
  renderRefunded,
  DEFAULT_EMAIL_SETTINGS,
  type OrderMailer,
  type OrderMailerOptions,
} from './order-mailer.js';
