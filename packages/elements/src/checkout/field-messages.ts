import { EMAIL_PATTERN, addressRules, compactPhone, isShopError, type ShopError } from '@shoptag/sdk';
import type { MessageKey } from '../i18n/catalogues.js';
import type { MessageParams } from '../i18n/message.js';
import { paramOf, type ContactForm, type ContactKey } from './checkout-fields.js';

/** A problem with one field, as the server names it: `param` (dotted) and `code`. */
export interface FieldProblem {
  param: string;
  /** `parameter_missing`, `parameter_invalid` (the server's codes) or `parameter_too_long`. */
  code: string;
}

/** A shopper's message: a catalogue key and its parameters. */
export interface FieldMessage {
  key: MessageKey;
  params?: MessageParams;
}

// The contract's limits (Address and CheckoutSessionUpdate): longer values are refused.
const MAX_LENGTH: Readonly<Partial<Record<ContactKey, number>>> = {
  email: 254,
  name: 200,
  line1: 200,
  line2: 200,
  city: 100,
  region: 10,
  postal_code: 20,
  phone: 40,
};

const REGION_MESSAGES: Readonly<Record<string, MessageKey>> = {
  US: 'checkout.error.state',
  CA: 'checkout.error.province',
  AU: 'checkout.error.stateTerritory',
  JP: 'checkout.error.prefecture',
};

/** The field of this form a server `param` names (`shipping_address.city` → `city`), or null. */
export function fieldOf(param: string): ContactKey | null {
  if (param === 'email') return 'email';
  const match = /^(?:shipping|billing)_address\.(\w+)$/.exec(param);
  const key = match?.[1];
  return key && key in MAX_LENGTH ? (key as ContactKey) : param.endsWith('_address.country') ? 'country' : null;
}

function postalMessage(country: string, empty: boolean): FieldMessage {
  const word = country === 'US' ? 'zip' : country === 'GB' || country === 'AU' ? 'postcode' : 'postal';
  if (empty) return { key: `checkout.error.${word}.required` };
  // The contract's example may name two forms ("94107 or 94107-1234"): the first is enough here.
  const example = addressRules(country).postalExample.split(' or ')[0] ?? '';
  return { key: `checkout.error.${word}.invalid`, params: { example } };
}

/**
 * The shopper's message for a problem with a field, chosen by the field (`param`), the `code` and
 * what the shopper entered — never the server's own text, which is written for developers.
 * Null when the problem is not about a field of this form.
 */
export function fieldMessage(problem: FieldProblem, form: ContactForm): FieldMessage | null {
  const key = fieldOf(problem.param);
  if (!key) return null;
  const value = form[key].trim();
  const empty = value === '' || problem.code === 'parameter_missing';
  if (problem.code === 'parameter_too_long') return { key: 'checkout.error.tooLong' };
  switch (key) {
    case 'email':
      return { key: empty ? 'checkout.error.email.required' : 'checkout.error.email.invalid' };
    case 'name':
    case 'line1':
    case 'city':
      return empty ? { key: `checkout.error.${key}.required` } : { key: 'checkout.error.tooLong' };
    case 'line2':
      return { key: 'checkout.error.tooLong' };
    case 'region':
      return { key: REGION_MESSAGES[form.country] ?? 'checkout.error.region' };
    case 'postal_code':
      return postalMessage(form.country, empty);
    case 'phone':
      return { key: 'checkout.error.phone', params: { example: addressRules(form.country).phoneExample } };
    case 'country':
      return { key: 'checkout.error.country' };
  }
}

/** The field problems a server error names: its `param` and `code`, or each of `details.errors`. */
export function serverProblems(error: ShopError | null): FieldProblem[] {
  if (!error || !isShopError(error) || error.type !== 'invalid_request_error') return [];
  const listed = error.details?.errors;
  const problems = Array.isArray(listed)
    ? (listed as { param?: unknown; code?: unknown }[]).flatMap((item) =>
        typeof item.param === 'string'
          ? [{ param: item.param, code: typeof item.code === 'string' ? item.code : error.code }]
          : [],
      )
    : error.param
      ? [{ param: error.param, code: error.code }]
      : [];
  return problems.filter((p) => fieldOf(p.param) !== null);
}

/**
 * Checks the form before it is sent, with the contract's rules (`addressRules`, the schemas'
 * length limits and zod's email pattern), so the shopper sees every problem at once rather than
 * the server's first. Reports problems as the server would name them.
 */
export function checkContact(form: ContactForm): FieldProblem[] {
  const rules = addressRules(form.country);
  const problems: FieldProblem[] = [];
  const add = (key: ContactKey, code: string) => problems.push({ param: paramOf(key), code });
  for (const key of Object.keys(MAX_LENGTH) as ContactKey[])
    if (form[key].trim().length > MAX_LENGTH[key]!) add(key, 'parameter_too_long');
  const email = form.email.trim();
  if (!email) add('email', 'parameter_missing');
  else if (!EMAIL_PATTERN.test(email)) add('email', 'parameter_invalid');
  for (const key of ['name', 'line1', 'city'] as const) if (!form[key].trim()) add(key, 'parameter_missing');
  const postal = form.postal_code.trim().toUpperCase();
  if (rules.postalCode) {
    if (!postal) add('postal_code', 'parameter_missing');
    else if (!rules.postalCode.test(postal)) add('postal_code', 'parameter_invalid');
  }
  const region = form.region.trim().toUpperCase();
  if (rules.regions && !rules.regions.includes(region))
    add('region', region ? 'parameter_invalid' : 'parameter_missing');
  const phone = form.phone.trim();
  if (phone && !rules.phone.test(compactPhone(phone))) add('phone', 'parameter_invalid');
  // One problem per field: the first found.
  return problems.filter((p, i) => problems.findIndex((q) => q.param === p.param) === i);
}
