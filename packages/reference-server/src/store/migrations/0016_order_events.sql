-- Partial fulfilment (several shipments per order, each with its carrier's tracking), refunds of
-- chosen lines with restock per line, and each order's timeline. Written for PostgreSQL 15+ and
-- PGlite (PostgreSQL 18).

-- Some lines shipped, others still to ship.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN (
  'pending', 'paid', 'fulfilled', 'delivered', 'cancelled', 'refunded', 'partially_refunded', 'partially_fulfilled'));

-- Whether the units not refunded have shipped: kept by the service with each shipment and refund,
-- a column so the admin list filters on it with an index.
ALTER TABLE orders ADD COLUMN fulfillment_status text NOT NULL DEFAULT 'unfulfilled'
  CHECK (fulfillment_status IN ('unfulfilled', 'partially_fulfilled', 'fulfilled'));
CREATE INDEX orders_fulfillment_status_idx ON orders (fulfillment_status, created_at DESC);

-- Units shipped, and units put back on hand (by a refund with restock or a cancellation): the
-- guards that make a retried shipment or restock count once.
ALTER TABLE order_items ADD COLUMN fulfilled_quantity integer NOT NULL DEFAULT 0
  CHECK (fulfilled_quantity BETWEEN 0 AND quantity);
ALTER TABLE order_items ADD COLUMN restocked_quantity integer NOT NULL DEFAULT 0
  CHECK (restocked_quantity BETWEEN 0 AND quantity);

CREATE TABLE fulfillments (
  id               text PRIMARY KEY,
  order_id         text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  carrier          text,
  tracking_number  text,
  tracking_url     text,
  created_at       timestamptz(3) NOT NULL
);
CREATE INDEX fulfillments_order_idx ON fulfillments (order_id, created_at);

CREATE TABLE fulfillment_items (
  fulfillment_id  text NOT NULL REFERENCES fulfillments (id) ON DELETE CASCADE,
  item_id         text NOT NULL REFERENCES order_items (id) ON DELETE CASCADE,
  quantity        integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (fulfillment_id, item_id)
);

CREATE TABLE refund_items (
  refund_id           text NOT NULL REFERENCES refunds (id) ON DELETE CASCADE,
  item_id             text NOT NULL REFERENCES order_items (id) ON DELETE CASCADE,
  quantity            integer NOT NULL CHECK (quantity > 0),
  restocked_quantity  integer NOT NULL CHECK (restocked_quantity BETWEEN 0 AND quantity),
  PRIMARY KEY (refund_id, item_id)
);

-- A refund retried with the same Idempotency-Key is recorded once: its key is kept, and the
-- provider gives its same refund back.
ALTER TABLE refunds ADD COLUMN request_key text;
CREATE UNIQUE INDEX refunds_request_key_idx ON refunds (order_id, request_key);
CREATE UNIQUE INDEX refunds_provider_reference_idx ON refunds (order_id, provider_reference);

-- Each order's timeline: placed, paid, shipments, deliveries, refunds, cancellation, emails, notes.
CREATE TABLE order_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id    text NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  type        text NOT NULL,
  actor_kind  text NOT NULL CHECK (actor_kind IN ('staff', 'key', 'system')),
  actor_id    text,
  data        jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at  timestamptz(3) NOT NULL
);
CREATE INDEX order_events_order_idx ON order_events (order_id, id);

-- Orders from before: their one shipment, units shipped and restocked, and a timeline that starts.
INSERT INTO fulfillments (id, order_id, carrier, tracking_number, tracking_url, created_at)
  SELECT 'ful_' || substr(md5(id), 1, 24), id, fulfillment->>'carrier', fulfillment->>'tracking_number', NULL,
         (fulfillment->>'fulfilled_at')::timestamptz
    FROM orders WHERE fulfillment IS NOT NULL;
INSERT INTO fulfillment_items (fulfillment_id, item_id, quantity)
  SELECT 'ful_' || substr(md5(o.id), 1, 24), i.id, i.quantity
    FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.fulfillment IS NOT NULL;
UPDATE order_items i SET fulfilled_quantity = i.quantity
  FROM orders o WHERE o.id = i.order_id AND o.fulfillment IS NOT NULL;
UPDATE orders SET fulfillment_status = 'fulfilled' WHERE fulfillment IS NOT NULL;
UPDATE order_items i SET restocked_quantity = i.quantity
  FROM orders o WHERE o.id = i.order_id
   AND (o.status = 'cancelled' OR EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id AND r.restocked));
INSERT INTO order_events (order_id, type, actor_kind, data, created_at)
  SELECT id, 'placed', 'system', jsonb_build_object('number', number), created_at FROM orders;
