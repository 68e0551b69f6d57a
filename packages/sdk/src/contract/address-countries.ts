/**
 * Per-country address rules: postal code format, whether a region (state, province, prefecture)
 * is required and which codes are valid, and the national phone number format. Countries not in
 * the table get lenient defaults (any postal code, no region, international digits).
 */
export interface CountryAddressRules {
  /** English name, for messages. */
  name: string;
  /** Postal code pattern (matched after trimming and upper-casing); `null` when the country has none. */
  postalCode: RegExp | null;
  /** An example postal code for messages. */
  postalExample: string;
  /** Word used for the region in messages ("state", "province" …); `null` when no region is asked for. */
  regionLabel: string | null;
  /** Valid region codes when a region is required. */
  regions: readonly string[] | null;
  /** Phone pattern after spaces, dashes, dots and parentheses are removed. */
  phone: RegExp;
  /** An example phone number for messages. */
  phoneExample: string;
}

const US_STATES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'AS',
  'GU',
  'MP',
  'PR',
  'VI',
  'AA',
  'AE',
  'AP',
] as const;
const CA_PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;
const AU_STATES = ['ACT', 'NSW', 'NT', 'QLD', 'SA', 'TAS', 'VIC', 'WA'] as const;
/** JIS X 0401 prefecture codes as ISO 3166-2 subdivisions (JP-01 Hokkaido … JP-47 Okinawa). */
const JP_PREFECTURES = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0'));

export const ADDRESS_COUNTRIES: Readonly<Record<string, CountryAddressRules>> = Object.freeze({
  US: {
    name: 'the United States',
    postalCode: /^\d{5}(-\d{4})?$/,
    postalExample: '94107 or 94107-1234',
    regionLabel: 'state',
    regions: US_STATES,
    phone: /^(\+1)?[2-9]\d{2}[2-9]\d{6}$/,
    phoneExample: '+1 415 555 0100',
  },
  CA: {
    name: 'Canada',
    postalCode: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/,
    postalExample: 'K1A 0B1',
    regionLabel: 'province',
    regions: CA_PROVINCES,
    phone: /^(\+1)?[2-9]\d{2}[2-9]\d{6}$/,
    phoneExample: '+1 613 555 0100',
  },
  GB: {
    name: 'the United Kingdom',
    postalCode: /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/,
    postalExample: 'SW1A 1AA',
    regionLabel: null,
    regions: null,
    phone: /^(\+44|0)\d{9,10}$/,
    phoneExample: '+44 20 7946 0958',
  },
  DE: {
    name: 'Germany',
    postalCode: /^\d{5}$/,
    postalExample: '10115',
    regionLabel: null,
    regions: null,
    phone: /^(\+49|0)\d{6,13}$/,
    phoneExample: '+49 30 901820',
  },
  FR: {
    name: 'France',
    postalCode: /^\d{5}$/,
    postalExample: '75001',
    regionLabel: null,
    regions: null,
    phone: /^(\+33|0)[1-9]\d{8}$/,
    phoneExample: '+33 1 42 68 53 00',
  },
  JP: {
    name: 'Japan',
    postalCode: /^\d{3}-?\d{4}$/,
    postalExample: '100-0001',
    regionLabel: 'prefecture',
    regions: JP_PREFECTURES,
    phone: /^(\+81|0)\d{9,10}$/,
    phoneExample: '+81 3 1234 5678',
  },
  AU: {
    name: 'Australia',
    postalCode: /^\d{4}$/,
    postalExample: '2000',
    regionLabel: 'state or territory',
    regions: AU_STATES,
    phone: /^(\+61|0)[2-478]\d{8}$/,
    phoneExample: '+61 2 9374 4000',
  },
});

/** The rules for countries outside the table. */
export const DEFAULT_ADDRESS_RULES: CountryAddressRules = Object.freeze({
  name: 'this country',
  postalCode: null,
  postalExample: '',
  regionLabel: null,
  regions: null,
  phone: /^\+?\d{6,15}$/,
  phoneExample: '+41 44 668 18 00',
});

export function addressRules(country: string): CountryAddressRules {
  return ADDRESS_COUNTRIES[country] ?? DEFAULT_ADDRESS_RULES;
}

/** Removes the separators people type in phone numbers. */
export function compactPhone(phone: string): string {
  return phone.replace(/[\s().-]/g, '');
}
