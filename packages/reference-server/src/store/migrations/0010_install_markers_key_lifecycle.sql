-- What an install has already done once, so later starts never do it again (a demo seeded once is
-- never re-seeded over what the owner deleted), and the key lifecycle: last use, rotation grace.
-- Written for PostgreSQL 15+ and PGlite (PostgreSQL 18).

CREATE TABLE install_markers (
  name       text PRIMARY KEY,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

-- Before this migration every start seeded the demo catalogue and the demo coupons: an install
-- with products has had its demo, and must not get deleted coupons back.
INSERT INTO install_markers (name) SELECT 'demo_seeded' WHERE EXISTS (SELECT 1 FROM products);

-- Updated at most once a minute per key and process, so a busy key costs no write per request.
ALTER TABLE api_keys ADD COLUMN last_used_at timestamptz(3);
-- A rotated key keeps working until then (its grace period); null: no expiry.
ALTER TABLE api_keys ADD COLUMN expires_at timestamptz(3);
