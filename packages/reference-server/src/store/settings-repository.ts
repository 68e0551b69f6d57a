import type { Queryable } from './db.js';

/** The saved settings row; a null section is not saved (the environment's applies). */
export interface ShopSettingsRow {
  shop_name: string | null;
  currency: string | null;
  /** The contract's ShippingSettings, as saved. */
  shipping: unknown;
  /** The currency whose minor units `shipping`'s amounts are in. */
  shipping_currency: string | null;
  /** The contract's TaxSettings, as saved. */
  tax: unknown;
  generation: number;
  updated_at: Date | null;
}

/** The sections a save writes (all of them: the caller merges the change into what is saved). */
export type ShopSettingsSections = Omit<ShopSettingsRow, 'generation' | 'updated_at'>;

const COLUMNS = 'shop_name, currency, shipping, shipping_currency, tax, generation::int AS generation, updated_at';

export function createSettingsRepository(q: Queryable) {
  return {
    /** The saved row, or undefined when nothing was ever saved. */
    async read(options: { forUpdate?: boolean } = {}): Promise<ShopSettingsRow | undefined> {
      const { rows } = await q.query<ShopSettingsRow>(
        `SELECT ${COLUMNS} FROM shop_settings WHERE id = 1${options.forUpdate ? ' FOR UPDATE' : ''}`,
      );
      return rows[0];
    },

    /** Only the generation: what a process asks to learn whether its copy is still current. */
    async generation(): Promise<number> {
      const { rows } = await q.query<{ generation: number }>(
        'SELECT generation::int AS generation FROM shop_settings WHERE id = 1',
      );
      return rows[0]?.generation ?? 0;
    },

    /** Writes every section and raises the generation by one, in one statement. */
    async write(sections: ShopSettingsSections, now: Date): Promise<ShopSettingsRow> {
      const { rows } = await q.query<ShopSettingsRow>(
        `INSERT INTO shop_settings (id, shop_name, currency, shipping, shipping_currency, tax, generation, updated_at)
         VALUES (1, $1, $2, $3::jsonb, $4, $5::jsonb, 1, $6)
         ON CONFLICT (id) DO UPDATE SET shop_name = EXCLUDED.shop_name, currency = EXCLUDED.currency,
           shipping = EXCLUDED.shipping, shipping_currency = EXCLUDED.shipping_currency, tax = EXCLUDED.tax,
           generation = shop_settings.generation + 1, updated_at = EXCLUDED.updated_at
         RETURNING ${COLUMNS}`,
        [
          sections.shop_name,
          sections.currency,
          sections.shipping === null ? null : JSON.stringify(sections.shipping),
          sections.shipping_currency,
          sections.tax === null ? null : JSON.stringify(sections.tax),
          now,
        ],
      );
      return rows[0]!;
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
