import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MessageKey } from '../i18n/catalogues.js';
import type { MessageParams } from '../i18n/message.js';
import {
  COUNTRIES,
  EMPTY_CONTACT,
  addressFields,
  renderField,
  type ContactForm,
  type ContactKey,
} from './checkout-fields.js';

/** What the contact and address step renders from. */
export interface ContactStepView {
  t: (key: MessageKey, params?: MessageParams) => string;
  locale: string;
  form: ContactForm;
  /** Translated messages by field. */
  errors: Partial<Record<ContactKey, string>>;
  busy: boolean;
  onSubmit: (event: SubmitEvent) => void;
  /** The shopper chose another country: the form is laid out again for it. */
  onCountry: (event: Event) => void;
  /**
   * False when nothing in the checkout ships: the address is the billing address (what tax and the
   * receipt need) and Continue goes straight to payment.
   */
  shipping?: boolean;
}

/**
 * Reads the form as it is now, from its inputs rather than from `input` events, so fields a
 * password manager or an autofill tool filled without events count.
 */
export function readContact(form: HTMLFormElement, previous: ContactForm): ContactForm {
  const data = new FormData(form);
  const out = { ...previous };
  for (const key of Object.keys(EMPTY_CONTACT) as ContactKey[]) {
    const value = data.get(key);
    // A field this country's layout leaves out is empty (GB has no region, say).
    out[key] = typeof value === 'string' ? value : key === 'country' ? previous.country : '';
  }
  return out;
}

function countryNames(locale: string): (code: string) => string {
  try {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    return (code) => names.of(code) ?? code;
  } catch {
    return (code) => code;
  }
}

/** The contact and shipping address form: email, country, then the country's address fields. */
export function renderContactStep(view: ContactStepView): TemplateResult {
  const { t, form, errors } = view;
  const countryName = countryNames(view.locale);
  const emailError = errors.email;
  const shipping = view.shipping ?? true;
  const section = shipping ? 'shipping' : 'billing';
  return html`${shipping ? nothing : html`<p part="no-shipping" class="full">${t('checkout.noShipping')}</p>`}<form @submit=${view.onSubmit} novalidate aria-labelledby="step-heading" class="address">
    ${renderField(
      {
        key: 'email',
        label: 'checkout.field.email',
        autocomplete: 'email',
        width: 'full',
        required: true,
        type: 'email',
        inputmode: 'email',
      },
      { value: form.email, error: emailError, label: t('checkout.field.email') },
    )}
    <div part="field" class="field full">
      <label for="f-country">${t('checkout.field.country')}</label>
      <select
        id="f-country"
        name="country"
        autocomplete="${section} country"
        aria-invalid=${errors.country ? 'true' : 'false'}
        aria-describedby=${ifDefined(errors.country ? 'f-country-error' : undefined)}
        @change=${view.onCountry}
      >
        ${COUNTRIES.map((code) => html`<option value=${code} ?selected=${code === form.country}>${countryName(code)}</option>`)}
      </select>
      ${errors.country ? html`<p part="field-error" id="f-country-error">${errors.country}</p>` : nothing}
    </div>
    ${addressFields(form.country, section).map((spec) =>
      renderField(spec, {
        value: form[spec.key],
        error: errors[spec.key],
        label: t(spec.label),
        choose: t('checkout.field.choose'),
        country: form.country,
        locale: view.locale,
      }),
    )}
    <div class="actions full"><span></span><button part="primary" type="submit" ?disabled=${view.busy}>${t(shipping ? 'checkout.continue.shipping' : 'checkout.continue.payment')}</button></div>
  </form>`;
}
