-- Carts, coupons and stock reservations. Written for PostgreSQL 15+ and PGlite (PostgreSQL 18).

CREATE TABLE coupons (
  id                text PRIMARY KEY,
  -- Stored upper case; codes are matched case-insensitively.
  code              text NOT NULL UNIQUE CHECK (code = upper(code)),
  type              text NOT NULL CHECK (type IN ('percentage', 'fixed_amount', 'free_shipping')),
  percent_off       integer CHECK (percent_off BETWEEN 1 AND 100),
  -- Minor units of `currency` (the shop currency when the coupon was made).
  amount_off        bigint CHECK (amount_off > 0),
  minimum_subtotal  bigint CHECK (minimum_subtotal >= 0),
  currency          char(3) NOT NULL,
  starts_at         timestamptz(3),
  ends_at           timestamptz(3),
  usage_limit       integer CHECK (usage_limit > 0),
  per_email_limit   integer CHECK (per_email_limit > 0),
  times_redeemed    integer NOT NULL DEFAULT 0,
  active            boolean NOT NULL DEFAULT true,
  created_at        timestamptz(3) NOT NULL DEFAULT now(),
  updated_at        timestamptz(3) NOT NULL DEFAULT now(),
  CHECK ((type = 'percentage') = (percent_off IS NOT NULL)),
  CHECK ((type = 'fixed_amount') = (amount_off IS NOT NULL)),
  -- The guarded redeem relies on this never being crossed.
  CHECK (usage_limit IS NULL OR times_redeemed <= usage_limit),
  CHECK (times_redeemed >= 0)
);
CREATE INDEX coupons_created_idx ON coupons (created_at DESC, id DESC);

-- One row per order that used a coupon: the per-email limit counts these.
CREATE TABLE coupon_redemptions (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  coupon_id   text NOT NULL REFERENCES coupons (id) ON DELETE CASCADE,
  -- Lower-cased, trimmed.
  email       text NOT NULL,
  reference   text NOT NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  UNIQUE (coupon_id, reference)
);
CREATE INDEX coupon_redemptions_email_idx ON coupon_redemptions (coupon_id, email);

CREATE TABLE carts (
  id          text PRIMARY KEY,
  currency    char(3) NOT NULL,
  country     char(2),
  coupon_id   text REFERENCES coupons (id) ON DELETE SET NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now(),
  -- Slides forward on every use; a cart past it is gone.
  expires_at  timestamptz(3) NOT NULL
);
CREATE INDEX carts_expires_idx ON carts (expires_at);

CREATE TABLE cart_lines (
  id          text PRIMARY KEY,
  cart_id     text NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
  variant_id  text NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
  quantity    integer NOT NULL CHECK (quantity > 0),
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now(),
  -- Adding a variant already in the cart adds to its line.
  UNIQUE (cart_id, variant_id)
);

-- Stock reserved for a checkout (or an outside channel): one row per variant of a hold.
CREATE TABLE inventory_holds (
  id          text NOT NULL,
  variant_id  text NOT NULL REFERENCES inventory_levels (variant_id) ON DELETE CASCADE,
  quantity    integer NOT NULL CHECK (quantity > 0),
  expires_at  timestamptz(3) NOT NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (id, variant_id)
);
CREATE INDEX inventory_holds_expires_idx ON inventory_holds (expires_at);
CREATE INDEX inventory_holds_variant_idx ON inventory_holds (variant_id);

-- Reserving never takes more than is on hand (the guarded update keeps it so; this proves it).
ALTER TABLE inventory_levels ADD CONSTRAINT inventory_levels_reserved_within_on_hand CHECK (reserved <= on_hand);
CREATE INDEX inventory_levels_available_idx ON inventory_levels ((on_hand - reserved), variant_id);
