-- The shop's settings saved from the console or the admin API. One row; each section is null
-- until saved, and a null section falls back to the environment (SHOPTAG_* variables, the
-- shipping file) and then the defaults. Written for PostgreSQL 15+ and PGlite (PostgreSQL 18).

CREATE TABLE shop_settings (
  id                 smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  shop_name          text CHECK (shop_name IS NULL OR length(shop_name) BETWEEN 1 AND 100),
  currency           char(3),
  -- { "zones": [...] } as the contract's ShippingSettings; amounts in minor units of shipping_currency.
  shipping           jsonb,
  shipping_currency  char(3),
  -- The contract's TaxSettings: rates in basis points, inclusive or not, taxable shipping.
  tax                jsonb,
  -- Raised by every save; each process compares it with the one it holds to know its copy is stale.
  generation         bigint NOT NULL DEFAULT 0,
  updated_at         timestamptz(3),
  CHECK ((shipping IS NULL) = (shipping_currency IS NULL))
);
