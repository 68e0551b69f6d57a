-- The console's catalogue screens: a history of every stock change (who, when, by how much, why,
-- and what was on hand after), and product images uploaded to the server (their bytes live in the
-- database so every server process can serve them and make their renditions).
-- An import job also lists what became of each product it wrote (the console's per-row report).
-- Written for PostgreSQL 15+ and PGlite (PostgreSQL 18).

CREATE TABLE inventory_movements (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  variant_id  text NOT NULL REFERENCES variants (id) ON DELETE CASCADE,
  delta       integer NOT NULL,
  -- Units on hand after the change (below 0 for a variant sold on backorder).
  on_hand     integer NOT NULL,
  reason      text NOT NULL,
  note        text NOT NULL DEFAULT '',
  -- Who made the change: a staff member, an API key, or the system (a sale, an import).
  actor_type  text NOT NULL CHECK (actor_type IN ('staff', 'key', 'system')),
  actor_id    text,
  -- What the change belongs to, when anything: an order id, an import job id.
  reference   text,
  created_at  timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX inventory_movements_variant_idx ON inventory_movements (variant_id, id DESC);

CREATE TABLE media_uploads (
  id           text PRIMARY KEY,
  content_type text NOT NULL,
  bytes        bytea NOT NULL,
  width        integer NOT NULL CHECK (width > 0),
  height       integer NOT NULL CHECK (height > 0),
  created_at   timestamptz(3) NOT NULL DEFAULT now()
);

ALTER TABLE import_jobs ADD COLUMN products jsonb NOT NULL DEFAULT '[]';
