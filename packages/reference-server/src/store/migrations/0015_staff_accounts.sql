-- Staff accounts for the console at /admin: people (owner, staff) with argon2id password hashes,
-- their sessions, the one-use tokens of password resets, invitations and first-owner setup, and
-- the audit log of every admin write. Written for PostgreSQL 15+ and PGlite (PostgreSQL 18).
-- Tokens (session cookies, reset and setup links) are stored as sha256 hashes only.

CREATE TABLE staff (
  id            text PRIMARY KEY,
  email         text NOT NULL,
  name          text NOT NULL DEFAULT '',
  role          text NOT NULL CHECK (role IN ('owner', 'staff')),
  -- null until an invited person sets a password through their link.
  password_hash text,
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  disabled_at   timestamptz(3)
);
-- One account per address, whatever its case.
CREATE UNIQUE INDEX staff_email_key ON staff (lower(email));

CREATE TABLE staff_sessions (
  id           text PRIMARY KEY,
  token_hash   text NOT NULL UNIQUE,
  staff_id     text NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  -- Sent back as X-CSRF-Token on every write made with the cookie.
  csrf_secret  text NOT NULL,
  created_at   timestamptz(3) NOT NULL,
  -- Written at most once a minute per session: the idle expiry counts from it.
  last_seen_at timestamptz(3) NOT NULL,
  -- The absolute end, however active the session is.
  expires_at   timestamptz(3) NOT NULL,
  ended_at     timestamptz(3)
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id) WHERE ended_at IS NULL;

CREATE TABLE staff_tokens (
  token_hash text PRIMARY KEY,
  -- reset: a password reset or an invitation's set-password link; setup: the first owner's link.
  purpose    text NOT NULL CHECK (purpose IN ('reset', 'setup')),
  staff_id   text REFERENCES staff (id) ON DELETE CASCADE,
  created_at timestamptz(3) NOT NULL,
  expires_at timestamptz(3) NOT NULL,
  used_at    timestamptz(3)
);

CREATE TABLE audit_log (
  seq          bigserial PRIMARY KEY,
  id           text NOT NULL UNIQUE,
  -- staff: a person signed in to the console; api_key: a secret key; anonymous: a failed sign-in.
  actor_kind   text NOT NULL CHECK (actor_kind IN ('staff', 'api_key', 'anonymous', 'system')),
  actor_id     text,
  -- The staff member's email or the key's name at the time (they may change later).
  actor_label  text NOT NULL DEFAULT '',
  action       text NOT NULL,
  target_type  text,
  target_id    text,
  summary      text NOT NULL DEFAULT '',
  changes      jsonb,
  request_id   text,
  ip           text,
  created_at   timestamptz(3) NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor_id, seq);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id, seq);
CREATE INDEX audit_log_action ON audit_log (action text_pattern_ops, seq);
