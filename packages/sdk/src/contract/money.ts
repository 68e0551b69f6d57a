import { z } from 'zod';

/** Three-letter ISO 4217 currency code, upper case. */
export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code in upper case, e.g. "USD"')
  .meta({ description: 'ISO 4217 currency code', example: 'USD' });
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/** An amount of money: integer minor units (cents for USD, yen for JPY, fils for KWD) plus currency. */
export const Money = z
  .object({
    amount: z.number().int().meta({ description: "Integer amount in the currency's minor units", example: 1999 }),
    currency: CurrencyCode,
  })
  .meta({ id: 'Money' });
export type Money = z.infer<typeof Money>;
