import { css, html, nothing, type TemplateResult } from 'lit';
import type { Order } from '@shoptag/sdk';
import { money, type OrderText } from './order-details.js';

const day = (text: OrderText, iso: string) =>
  new Intl.DateTimeFormat(text.locale, { dateStyle: 'long' }).format(new Date(iso));

/** "2 × Mug" lines for the units of an order's items named by id. */
function units(text: OrderText, order: Order, lines: readonly { item_id: string; quantity: number }[]): TemplateResult {
  return html`<ul class="shipment-items">
    ${lines.map((line) => {
      const item = order.items.find((i) => i.id === line.item_id);
      if (!item) return nothing;
      return html`<li>
        ${text.t('order.line', { quantity: line.quantity, name: item.name })}${
          item.variant_title ? html` <span class="muted">${item.variant_title}</span>` : nothing
        }
      </li>`;
    })}
  </ul>`;
}

/**
 * Each shipment (date, carrier, tracking number linked to the carrier's page, its items), what is
 * still to ship when only part has gone, and each refund (amount, date, lines). Nothing for an
 * order with neither.
 */
export function shipmentsAndRefunds(text: OrderText, order: Order): TemplateResult {
  const { t } = text;
  const open = order.items
    .map((i) => ({ item_id: i.id, quantity: i.quantity - i.fulfilled_quantity - i.refunded_quantity }))
    .filter((l) => l.quantity > 0);
  const showOpen = order.fulfillments.length > 0 && open.length > 0 && order.status !== 'cancelled';
  return html`${
    order.fulfillments.length
      ? html`<section part="shipments" class="shipments" aria-labelledby="shipments-title">
          <h3 id="shipments-title" class="summary-title">${t('order.shipments')}</h3>
          <ol class="shipment-list">
            ${order.fulfillments.map(
              (f, n) => html`<li part="shipment" class="shipment">
                <h4>${t('order.shipment', { number: n + 1 })}</h4>
                <p class="muted">${t('order.shippedOn', { date: day(text, f.created_at) })}</p>
                ${f.carrier ? html`<p>${t('order.carrierName', { carrier: f.carrier })}</p>` : nothing}
                ${
                  f.tracking_number
                    ? html`<p>
                        ${t('order.trackingLabel')}
                        ${
                          f.tracking_url
                            ? html`<a
                                part="tracking-link"
                                href=${f.tracking_url}
                                target="_blank"
                                rel="noopener noreferrer"
                                aria-label=${t('order.trackingLink', {
                                  tracking: f.tracking_number,
                                  carrier: f.carrier ?? '',
                                })}
                                >${f.tracking_number}</a
                              >`
                            : html`<span part="tracking-number">${f.tracking_number}</span>`
                        }
                      </p>`
                    : nothing
                }
                ${units(text, order, f.items)}
              </li>`,
            )}
          </ol>
          ${
            showOpen
              ? html`<div class="shipment to-ship">
                  <h4>${t('order.toShip')}</h4>
                  ${units(text, order, open)}
                </div>`
              : nothing
          }
        </section>`
      : nothing
  }
  ${
    order.refunds.length
      ? html`<section part="refunds" class="shipments" aria-labelledby="refunds-title">
          <h3 id="refunds-title" class="summary-title">${t('order.refunds')}</h3>
          <ul class="shipment-list">
            ${order.refunds.map(
              (r) => html`<li part="refund" class="shipment">
                <p>${t('order.refundedOn', { amount: money(text, r.amount), date: day(text, r.created_at) })}</p>
                ${r.items.length ? units(text, order, r.items) : nothing}
              </li>`,
            )}
          </ul>
        </section>`
      : nothing
  }`;
}

export const shipmentStyles = css`
  .shipment-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--shop-space-3, 0.75rem);
  }
  .shipment {
    border: 1px solid var(--_border);
    border-radius: var(--shop-radius, 0.5rem);
    padding: var(--shop-space-3, 0.75rem);
    overflow-wrap: anywhere;
  }
  .shipment h4 {
    margin: 0 0 var(--shop-space-1, 0.25rem);
    font-size: 1em;
  }
  .shipment p {
    margin: 0 0 var(--shop-space-1, 0.25rem);
  }
  .to-ship {
    margin-block-start: var(--shop-space-3, 0.75rem);
    border-style: dashed;
  }
  .shipment-items {
    margin: var(--shop-space-1, 0.25rem) 0 0;
    padding-inline-start: var(--shop-space-4, 1rem);
  }
  .shipment a {
    color: var(--shop-color-link, inherit);
  }
`;
