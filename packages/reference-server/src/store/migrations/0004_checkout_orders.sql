-- Checkout sessions, orders, refunds, idempotency keys, webhook events and the simulated payment
-- provider's intents. Written for PostgreSQL 15+ and PGlite (PostgreSQL 18).

-- Stored responses of POSTs sent with an Idempotency-Key (Stripe semantics), per API key.
CREATE TABLE idempotency_keys (
  scope           text NOT NULL,
  key             text NOT NULL,
  method          text NOT NULL,
  path            text NOT NULL,
  -- sha256 of method, path and the canonical JSON body: a reuse with other parameters is refused.
  request_hash    text NOT NULL,
  -- NULL while the first request is running; set with the response once it has answered.
  response_status integer,
  response_body   jsonb,
  -- A request still running after this (its process died) no longer blocks the key.
  locked_until    timestamptz(3) NOT NULL,
  created_at      timestamptz(3) NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

CREATE SEQUENCE order_number_seq START WITH 100001;

CREATE TABLE checkout_sessions (
  id                        text PRIMARY KEY,
  cart_id                   text NOT NULL,
  status                    text NOT NULL CHECK (status IN ('open', 'complete', 'expired')),
  currency                  char(3) NOT NULL,
  email                     text,
  shipping_address          jsonb,
  billing_address           jsonb,
  billing_same_as_shipping  boolean NOT NULL DEFAULT true,
  shipping_method_id        text,
  -- What is being bought: [{ "variant_id", "quantity" }], copied from the cart when the session starts.
  lines                     jsonb NOT NULL,
  coupon_id                 text,
  -- The stock hold (inventory_holds.id) taken for the session's lines.
  hold_id                   text,
  payment_provider          text,
  payment_intent_id         text UNIQUE,
  order_id                  text,
  expires_at                timestamptz(3) NOT NULL,
  created_at                timestamptz(3) NOT NULL,
  updated_at                timestamptz(3) NOT NULL
);
CREATE INDEX checkout_sessions_cart_idx ON checkout_sessions (cart_id);
CREATE INDEX checkout_sessions_open_expires_idx ON checkout_sessions (expires_at) WHERE status = 'open';

CREATE TABLE orders (
  id                   text PRIMARY KEY,
  number               text NOT NULL UNIQUE,
  -- One order per checkout session, whatever races to place it.
  checkout_session_id  text NOT NULL UNIQUE,
  status               text NOT NULL CHECK (status IN ('pending', 'paid', 'fulfilled', 'delivered', 'cancelled', 'refunded', 'partially_refunded')),
  currency             char(3) NOT NULL,
  email                text NOT NULL,
  shipping_address     jsonb NOT NULL,
  billing_address      jsonb NOT NULL,
  shipping_method      jsonb NOT NULL,
  coupon_code          text,
  subtotal             bigint NOT NULL CHECK (subtotal >= 0),
  discount             bigint NOT NULL CHECK (discount >= 0),
  shipping             bigint NOT NULL CHECK (shipping >= 0),
  tax                  bigint NOT NULL CHECK (tax >= 0),
  tax_included         boolean NOT NULL,
  total                bigint NOT NULL CHECK (total >= 0),
  refunded             bigint NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= captured),
  payment_provider     text NOT NULL,
  payment_reference    text NOT NULL UNIQUE,
  captured             bigint NOT NULL DEFAULT 0 CHECK (captured >= 0 AND captured <= total),
  token                text NOT NULL,
  fulfillment          jsonb,
  cancel_reason        text,
  created_at           timestamptz(3) NOT NULL,
  updated_at           timestamptz(3) NOT NULL,
  -- The stored total is the sum of its rounded parts (tax is inside the prices when included).
  CHECK (total = subtotal - discount + shipping + CASE WHEN tax_included THEN 0 ELSE tax END)
);
CREATE INDEX orders_created_idx ON orders (created_at DESC, id DESC);
CREATE INDEX orders_status_idx ON orders (status, created_at DESC);
CREATE INDEX orders_email_idx ON orders (lower(email));

CREATE TABLE order_items (
  id                 text PRIMARY KEY,
  order_id           text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  position           integer NOT NULL,
  variant_id         text NOT NULL,
  product_id         text NOT NULL,
  name               text NOT NULL,
  variant_title      text NOT NULL,
  options            jsonb NOT NULL,
  sku                text NOT NULL,
  image              jsonb,
  unit_price         bigint NOT NULL CHECK (unit_price >= 0),
  quantity           integer NOT NULL CHECK (quantity > 0),
  line_total         bigint NOT NULL CHECK (line_total = unit_price * quantity),
  tax                bigint NOT NULL CHECK (tax >= 0),
  refunded_quantity  integer NOT NULL DEFAULT 0 CHECK (refunded_quantity BETWEEN 0 AND quantity),
  UNIQUE (order_id, position)
);

CREATE TABLE refunds (
  id                  text PRIMARY KEY,
  order_id            text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  amount              bigint NOT NULL CHECK (amount > 0),
  reason              text,
  restocked           boolean NOT NULL,
  provider_reference  text,
  created_at          timestamptz(3) NOT NULL
);
CREATE INDEX refunds_order_idx ON refunds (order_id, created_at);

-- Payment webhook events already handled: a redelivered event is a no-op.
CREATE TABLE webhook_events (
  id           text PRIMARY KEY,
  provider     text NOT NULL,
  type         text NOT NULL,
  received_at  timestamptz(3) NOT NULL
);

-- The simulated payment provider's PaymentIntents (in the database so every server process sees them).
CREATE TABLE simulated_payment_intents (
  id               text PRIMARY KEY,
  idempotency_key  text NOT NULL UNIQUE,
  amount           bigint NOT NULL CHECK (amount >= 0),
  currency         char(3) NOT NULL,
  status           text NOT NULL,
  payment_method   text,
  client_secret    text NOT NULL,
  amount_captured  bigint NOT NULL DEFAULT 0,
  amount_refunded  bigint NOT NULL DEFAULT 0 CHECK (amount_refunded <= amount_captured),
  last_error       jsonb,
  metadata         jsonb NOT NULL,
  created_at       timestamptz(3) NOT NULL,
  updated_at       timestamptz(3) NOT NULL
);

CREATE TABLE simulated_refunds (
  id               text PRIMARY KEY,
  intent_id        text NOT NULL REFERENCES simulated_payment_intents (id),
  idempotency_key  text NOT NULL UNIQUE,
  amount           bigint NOT NULL CHECK (amount > 0),
  created_at       timestamptz(3) NOT NULL
);
