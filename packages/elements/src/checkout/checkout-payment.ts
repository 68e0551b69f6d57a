import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MessageKey } from '../i18n/catalogues.js';
import type { StripePaymentStatus } from './stripe-payment.js';
import { STRIPE_SLOT } from './stripe-payment.js';

/** What the payment step renders from. */
export interface PaymentStepView {
  t: (key: MessageKey) => string;
  busy: boolean;
  /** Why the card cannot be used (declined, not a test card, incomplete), in the shopper's words. */
  problem: string;
  onSubmit: (event: SubmitEvent) => void;
  onBack: () => void;
  /** The card number entered before (kept when the shopper goes back from Review). */
  cardNumber?: string;
}

/** The simulated provider's card form: Stripe's test card numbers, never sent to the server. */
export function renderCardForm(view: PaymentStepView): TemplateResult {
  const { t, problem } = view;
  const described = problem ? 'card-error' : undefined;
  return html`<form @submit=${view.onSubmit} novalidate aria-labelledby="step-heading" class="card">
    ${problem ? html`<p part="error field-error" id="card-error" role="alert">${problem}</p>` : nothing}
    <div part="field" class="field full">
      <label for="f-cardnumber">${t('checkout.card.number')}</label>
      <input id="f-cardnumber" name="cardnumber" autocomplete="cc-number" inputmode="numeric" .value=${view.cardNumber ?? ''} aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${ifDefined(described)} />
    </div>
    <div part="field" class="field half">
      <label for="f-exp">${t('checkout.card.expiry')}</label>
      <input id="f-exp" name="exp" autocomplete="cc-exp" />
    </div>
    <div part="field" class="field half">
      <label for="f-cvc">${t('checkout.card.cvc')}</label>
      <input id="f-cvc" name="cvc" autocomplete="cc-csc" inputmode="numeric" />
    </div>
    <div class="actions full">
      <button type="button" @click=${view.onBack}>${t('checkout.back')}</button>
      <button part="primary" type="submit" ?disabled=${view.busy}>${t('checkout.continue.review')}</button>
    </div>
  </form>`;
}

/** The Stripe Payment Element's step; `failed`: the form (or the payment behind it) could not be started. */
export function renderStripeForm(
  view: PaymentStepView & { status: StripePaymentStatus; failed: boolean; onRetry: () => void },
): TemplateResult {
  const { t, problem } = view;
  return html`<form @submit=${view.onSubmit} aria-labelledby="step-heading">
    ${
      view.status === 'failed'
        ? html`<p part="error" role="alert">${t('checkout.payment.loadFailed')}</p>`
        : !view.failed && view.status !== 'ready'
          ? html`<p aria-busy="true">${t('checkout.payment.loading')}</p>`
          : nothing
    }
    ${problem ? html`<p part="error field-error" id="card-error" role="alert" tabindex="-1">${problem}</p>` : nothing}
    <div part="stripe-payment"><slot name=${STRIPE_SLOT}></slot></div>
    <div class="actions">
      <button type="button" @click=${view.onBack}>${t('checkout.back')}</button>
      ${
        view.failed
          ? html`<button part="primary" type="button" @click=${view.onRetry}>${t('common.retry')}</button>`
          : html`<button part="primary" type="submit" ?disabled=${view.busy || view.status !== 'ready'}>${t('checkout.continue.review')}</button>`
      }
    </div>
  </form>`;
}
