import { html, nothing, type TemplateResult } from 'lit';
import { isShopError, type CheckoutStep, type Money, type ShippingRate } from '@shoptag/sdk';
import type { MessageParams } from '../i18n/message.js';
import type { MessageKey } from '../i18n/catalogues.js';
import { errorMessageKey } from '../internal/errors.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * The step indicator: each step of this checkout named (without Shipping when nothing ships), the
 * current one marked for assistive technology.
 */
export function renderProgress(t: Translate, step: CheckoutStep, steps: readonly CheckoutStep[]): TemplateResult {
  const current = steps.indexOf(step);
  return html`<ol part="progress" aria-label=${t('checkout.progress')}>
    ${steps.map(
      (s, i) =>
        html`<li aria-current=${s === step ? 'step' : 'false'} ?data-done=${i < current}>${t(`checkout.step.${s}`)}</li>`,
    )}
  </ol>`;
}

/**
 * The step's heading. It takes focus (`tabindex="-1"`) when the step changes, so keyboard and
 * screen-reader users land on the new step rather than on the page's `<body>`.
 */
export function renderStepHeading(t: Translate, step: CheckoutStep, shipping = true): TemplateResult {
  // With nothing to ship, the first step asks for the billing address instead.
  const key =
    step === 'contact' && !shipping ? 'checkout.heading.contactBilling' : (`checkout.heading.${step}` as const);
  return html`<h2 id="step-heading" part="step-heading" tabindex="-1">${t(key)}</h2>`;
}

/** Nothing to check out: says so, with the way back to the shop. */
export function renderEmpty(t: Translate, shopUrl: string): TemplateResult {
  return html`<div part="empty" role="status">
    <h2 id="step-heading" tabindex="-1">${t('checkout.empty.title')}</h2>
    <p>${t('checkout.empty.body')}</p>
    <a part="primary" href=${shopUrl}>${t('checkout.empty.link')}</a>
  </div>`;
}

/** The shopper's message for a failure that is not about one field or the card. */
export function stepErrorKey(error: unknown): MessageKey {
  if (isShopError(error) && ['shipping_unavailable', 'shipping_method_unavailable'].includes(error.code))
    return 'checkout.shipping.none';
  return errorMessageKey(error);
}

/** What the shipping step renders from. */
export interface ShippingStepView {
  t: Translate;
  busy: boolean;
  methods: readonly ShippingRate[];
  chosen: string | null;
  price: (money: Money) => string;
  onChoose: (methodId: string) => void;
  onBack: () => void;
  onContinue: () => void;
}

/** The shipping methods for the address, as radio buttons; Continue once one is chosen. */
export function renderShippingStep(view: ShippingStepView): TemplateResult {
  const { t, busy } = view;
  return html`<fieldset aria-labelledby="step-heading">
      ${!busy && view.methods.length === 0 ? html`<p part="error" role="alert">${t('checkout.shipping.none')}</p>` : nothing}
      ${view.methods.map(
        (
          m,
        ) => html`<label class="method"><input type="radio" name="shipping" .checked=${view.chosen === m.id} @change=${() => view.onChoose(m.id)} />
          <span>${m.name} · ${m.carrier}</span><span>${t('checkout.shipping.days', { min: m.estimated_days.min, max: m.estimated_days.max })}</span><span>${m.price.amount === 0 ? t('checkout.shipping.free') : view.price(m.price)}</span></label>`,
      )}
    </fieldset>
    <div class="actions"><button @click=${view.onBack}>${t('checkout.back')}</button><button part="primary" ?disabled=${!view.chosen || busy} @click=${view.onContinue}>${t('checkout.continue.payment')}</button></div>`;
}
