import { z } from 'zod';
import { addressRules, compactPhone } from './address-countries.js';
import { CountryCode } from './carts.js';

const line = (max: number) => z.string().trim().min(1).max(max);

/**
 * A postal address, checked per country (see `address-countries.ts`): postal code format, the
 * region where one is required, and the phone format. Each problem is reported on its own field
 * (`postal_code`, `region`, `phone`), so a form can show it beside the input.
 */
export const Address = z
  .object({
    name: line(200).meta({ description: 'Recipient name' }),
    company: z.string().trim().max(200).optional(),
    line1: line(200),
    line2: z.string().trim().max(200).optional(),
    city: line(100),
    region: z.string().trim().toUpperCase().max(10).optional().meta({
      description: 'State, province or prefecture code (ISO 3166-2 without the country), required for US, CA, JP, AU',
    }),
    postal_code: z.string().trim().toUpperCase().max(20).optional(),
    country: CountryCode,
    phone: z
      .string()
      .trim()
      .max(40)
      .optional()
      .meta({ description: "Phone in the country's national or international format" }),
  })
  .strict()
  .superRefine((address, ctx) => {
    const rules = addressRules(address.country);
    if (rules.postalCode) {
      if (!address.postal_code) {
        ctx.addIssue({
          code: 'custom',
          path: ['postal_code'],
          message: `A postal code is required for ${rules.name}.`,
        });
      } else if (!rules.postalCode.test(address.postal_code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['postal_code'],
          message: `"${address.postal_code}" is not a postal code of ${rules.name} (e.g. ${rules.postalExample}).`,
        });
      }
    }
    if (rules.regions) {
      if (!address.region) {
        ctx.addIssue({
          code: 'custom',
          path: ['region'],
          message: `A ${rules.regionLabel ?? 'region'} is required for ${rules.name}.`,
        });
      } else if (!rules.regions.includes(address.region)) {
        ctx.addIssue({
          code: 'custom',
          path: ['region'],
          message: `"${address.region}" is not a ${rules.regionLabel ?? 'region'} of ${rules.name}.`,
        });
      }
    }
    if (address.phone && !rules.phone.test(compactPhone(address.phone))) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: `"${address.phone}" is not a phone number of ${rules.name} (e.g. ${rules.phoneExample}).`,
      });
    }
  })
  .meta({ id: 'Address' });
export type Address = z.infer<typeof Address>;
export type AddressInput = z.input<typeof Address>;
