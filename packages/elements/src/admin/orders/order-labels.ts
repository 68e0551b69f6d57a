import { html, type TemplateResult } from 'lit';
import type { Order } from '@shoptag/sdk/admin';
import type { AdminMessageKey } from '../i18n/admin-messages.js';

type T = (key: AdminMessageKey, params?: Record<string, string | number>) => string;

/** Badge tones by state, so "refunded" and "cancelled" read differently from "paid" at a glance. */
const TONE: Readonly<Record<string, string>> = {
  pending: 'warn',
  unpaid: 'warn',
  paid: 'ok',
  fulfilled: 'ok',
  delivered: 'ok',
  partially_fulfilled: 'info',
  partially_refunded: 'info',
  refunded: 'muted',
  cancelled: 'muted',
  unfulfilled: 'warn',
};

export function statusBadge(t: T, status: Order['status']): TemplateResult {
  return html`<span class="badge tone-${TONE[status] ?? 'info'}">${t(`orders.status.${status}`)}</span>`;
}

export function paymentBadge(t: T, status: Order['payment_status']): TemplateResult {
  return html`<span class="badge tone-${TONE[status] ?? 'info'}">${t(`orders.payment.${status}`)}</span>`;
}

export function fulfillmentBadge(t: T, status: Order['fulfillment_status']): TemplateResult {
  return html`<span class="badge tone-${TONE[status] ?? 'info'}">${t(`orders.fulfillment.${status}`)}</span>`;
}

export const dateTime = (locale: string, iso: string, time = true) =>
  new Intl.DateTimeFormat(locale, time ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(
    new Date(iso),
  );
