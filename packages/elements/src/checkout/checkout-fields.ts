import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

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
  billingSame: boolean;
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
  billingSame: true,
};

export const COUNTRIES: readonly [string, string][] = [
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['GB', 'United Kingdom'],
  ['DE', 'Germany'],
  ['FR', 'France'],
  ['JP', 'Japan'],
  ['AU', 'Australia'],
];

export interface FieldSpec {
  key: Exclude<keyof ContactForm, 'billingSame'>;
  label: string;
  /** The `param` the server names for this field. */
  param: string;
  autocomplete: string;
  type?: string;
  required?: boolean;
}

export const CONTACT_FIELDS: readonly FieldSpec[] = [
  { key: 'email', label: 'Email', param: 'email', autocomplete: 'email', type: 'email', required: true },
  { key: 'name', label: 'Full name', param: 'shipping_address.name', autocomplete: 'shipping name', required: true },
  {
    key: 'line1',
    label: 'Address',
    param: 'shipping_address.line1',
    autocomplete: 'shipping address-line1',
    required: true,
  },
  {
    key: 'line2',
    label: 'Apartment, suite (optional)',
    param: 'shipping_address.line2',
    autocomplete: 'shipping address-line2',
  },
  {
    key: 'city',
    label: 'City',
    param: 'shipping_address.city',
    autocomplete: 'shipping address-level2',
    required: true,
  },
  {
    key: 'region',
    label: 'State / province / prefecture',
    param: 'shipping_address.region',
    autocomplete: 'shipping address-level1',
  },
  {
    key: 'postal_code',
    label: 'Postal code',
    param: 'shipping_address.postal_code',
    autocomplete: 'shipping postal-code',
  },
  {
    key: 'phone',
    label: 'Phone (optional)',
    param: 'shipping_address.phone',
    autocomplete: 'shipping tel',
    type: 'tel',
  },
];

/** One labelled input with its inline error, described by it for screen readers. */
export function field(
  spec: FieldSpec,
  value: string,
  error: string | undefined,
  onInput: (key: FieldSpec['key'], value: string) => void,
): TemplateResult {
  const id = `f-${spec.key}`;
  return html`<label part="field">
    ${spec.label}
    <input
      id=${id}
      name=${spec.key}
      type=${spec.type ?? 'text'}
      autocomplete=${spec.autocomplete}
      .value=${value}
      ?required=${spec.required === true}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}
      @input=${(e: Event) => onInput(spec.key, (e.target as HTMLInputElement).value)}
    />
    ${error ? html`<p part="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
  </label>`;
}
