import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { addressRules, type CheckoutSession } from '@shoptag/sdk';
import type { MessageKey } from '../i18n/catalogues.js';
import { regionName } from './address-regions.js';

/** Form values of the contact and address step, kept by the element so back and forward lose nothing. */
export interface ContactForm {
  email: string;
  name: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postal_code: string;
  country: string;
  phone: string;
}

export type ContactKey = keyof ContactForm;

/** The form's values from a session that has an address (a checkout resumed after a reload). */
export function contactOf(session: CheckoutSession): ContactForm {
  // With nothing to ship, the form holds the billing address.
  const a = session.requires_shipping ? session.shipping_address : session.billing_address;
  if (!a) return { ...EMPTY_CONTACT, email: session.email ?? '' };
  return {
    email: session.email ?? '',
    name: a.name,
    line1: a.line1,
    line2: a.line2 ?? '',
    city: a.city,
    region: a.region ?? '',
    postal_code: a.postal_code ?? '',
    country: a.country,
    phone: a.phone ?? '',
  };
}

export const EMPTY_CONTACT: ContactForm = {
  email: '',
  name: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postal_code: '',
  country: 'US',
  phone: '',
};

/** The countries the address form lays out in their own way (named for the shopper by `Intl.DisplayNames`). */
export const COUNTRIES = ['US', 'CA', 'GB', 'DE', 'FR', 'JP', 'AU'] as const;

/** How much of a row a field takes once the form is wide enough for rows (a six-column grid). */
export type FieldWidth = 'full' | 'half' | 'third' | 'two-thirds';

export interface FieldSpec {
  key: Exclude<ContactKey, 'country'>;
  label: MessageKey;
  autocomplete: string;
  width: FieldWidth;
  required: boolean;
  type?: 'email' | 'tel' | 'text';
  inputmode?: 'numeric' | 'tel' | 'email';
  /** A region chosen from the country's list (US states, CA provinces, AU states, JP prefectures). */
  select?: boolean;
}

/** The `param` the server names for a field of this form. */
export function paramOf(key: ContactKey): string {
  return key === 'email' ? 'email' : `shipping_address.${key}`;
}

const REGION_LABELS: Readonly<Record<string, MessageKey>> = {
  US: 'checkout.field.state',
  CA: 'checkout.field.province',
  AU: 'checkout.field.stateTerritory',
  JP: 'checkout.field.prefecture',
};
const POSTAL_LABELS: Readonly<Record<string, MessageKey>> = {
  US: 'checkout.field.zip',
  GB: 'checkout.field.postcode',
  AU: 'checkout.field.postcode',
};
const CITY_LABELS: Readonly<Record<string, MessageKey>> = {
  GB: 'checkout.field.townCity',
  AU: 'checkout.field.suburb',
  JP: 'checkout.field.municipality',
};

/**
 * The address fields of `country`, in the order its addresses are written and with its words:
 * US "City / State / ZIP code", CA "Province / Postal code", GB "Town or city / Postcode" with no
 * region, DE and FR the postal code before the city, JP postal code, prefecture, municipality, then
 * the street and building. Whether a region or postal code is required follows the contract's rules.
 */
export function addressFields(country: string, section: 'shipping' | 'billing' = 'shipping'): FieldSpec[] {
  const rules = addressRules(country);
  const spec = (
    key: FieldSpec['key'],
    label: MessageKey,
    autocomplete: string,
    width: FieldWidth,
    required: boolean,
    extra: Partial<FieldSpec> = {},
  ): FieldSpec => ({
    key,
    label,
    autocomplete: `${section} ${autocomplete}`,
    width,
    required,
    ...extra,
  });
  const name = spec('name', 'checkout.field.name', 'name', 'full', true);
  const line1 = spec(
    'line1',
    country === 'DE' ? 'checkout.field.street' : country === 'JP' ? 'checkout.field.jpStreet' : 'checkout.field.line1',
    'address-line1',
    'full',
    true,
  );
  const line2 = spec(
    'line2',
    country === 'JP' ? 'checkout.field.building' : 'checkout.field.line2',
    'address-line2',
    'full',
    false,
  );
  const city = (width: FieldWidth) =>
    spec('city', CITY_LABELS[country] ?? 'checkout.field.city', 'address-level2', width, true);
  const postal = (width: FieldWidth) =>
    spec(
      'postal_code',
      POSTAL_LABELS[country] ?? 'checkout.field.postal',
      'postal-code',
      width,
      rules.postalCode !== null,
      {
        inputmode: country === 'GB' || country === 'CA' ? undefined : 'numeric',
      },
    );
  const region = (width: FieldWidth) =>
    spec('region', REGION_LABELS[country] ?? 'checkout.field.region', 'address-level1', width, rules.regions !== null, {
      select: rules.regions !== null,
    });
  const phone = spec('phone', 'checkout.field.phone', 'tel', 'full', false, { type: 'tel', inputmode: 'tel' });
  switch (country) {
    case 'GB':
      return [name, line1, line2, city('half'), postal('half'), phone];
    case 'DE':
    case 'FR':
      return [name, line1, line2, postal('third'), city('two-thirds'), phone];
    case 'JP':
      return [name, postal('half'), region('half'), city('full'), line1, line2, phone];
    default:
      return [name, line1, line2, city('third'), region('third'), postal('third'), phone];
  }
}

/** What a field needs to render: its value, its error message (already translated), the words. */
export interface FieldView {
  value: string;
  error: string | undefined;
  label: string;
  /** Region selects: the placeholder option's words and the locale the names are for. */
  choose?: string;
  country?: string;
  locale?: string;
}

/** One labelled input (or region select) with its inline error, described by it for screen readers. */
export function renderField(spec: FieldSpec, view: FieldView): TemplateResult {
  const id = `f-${spec.key}`;
  const described = view.error ? `${id}-error` : undefined;
  const control = spec.select
    ? html`<select
        id=${id}
        name=${spec.key}
        autocomplete=${spec.autocomplete}
        ?required=${spec.required}
        aria-invalid=${view.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described)}
      >
        <option value="" ?selected=${!view.value}>${view.choose}</option>
        ${(addressRules(view.country ?? '').regions ?? []).map(
          (code) =>
            html`<option value=${code} ?selected=${code === view.value}>${regionName(view.country ?? '', code, view.locale ?? 'en')}</option>`,
        )}
      </select>`
    : html`<input
        id=${id}
        name=${spec.key}
        type=${spec.type ?? 'text'}
        inputmode=${ifDefined(spec.inputmode)}
        autocomplete=${spec.autocomplete}
        .value=${view.value}
        ?required=${spec.required}
        aria-invalid=${view.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described)}
      />`;
  return html`<div part="field" class="field ${spec.width}">
    <label for=${id}>${view.label}</label>
    ${control}
    ${view.error ? html`<p part="field-error" id=${`${id}-error`}>${view.error}</p>` : nothing}
  </div>`;
}
