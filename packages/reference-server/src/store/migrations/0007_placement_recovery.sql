-- Crash recovery of order placement, and idempotency leases that outlive only their holder.
-- Written for PostgreSQL 15+ and PGlite (PostgreSQL 18).

-- Set by `complete` before it calls the payment provider (and again once the payment is
-- authorized): a session with this set and no order is a placement that may have been cut short.
-- The recovery job finishes it (or clears the mark when no money was authorized).
ALTER TABLE checkout_sessions ADD COLUMN completing_at timestamptz(3);
CREATE INDEX checkout_sessions_completing_idx ON checkout_sessions (completing_at) WHERE status = 'open' AND completing_at IS NOT NULL;

-- The holder of a running request's key: its lease (`locked_until`) is renewed by the holder while
-- the request runs, and only by it, so a key whose holder died is free within one lease.
ALTER TABLE idempotency_keys ADD COLUMN lease_owner text;

-- What recovery did to a placement (the job, a retried `complete`, the webhook or an admin).
CREATE TABLE placement_recovery_events (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  checkout_session_id  text NOT NULL,
  order_id             text,
  payment_intent_id    text,
  -- job · retry · webhook · admin
  actor                text NOT NULL,
  -- placed · captured · marked_paid · cancelled · authorization_cancelled · refunded · cleared · undecided
  action               text NOT NULL,
  detail               text NOT NULL,
  created_at           timestamptz(3) NOT NULL
);
CREATE INDEX placement_recovery_events_session_idx ON placement_recovery_events (checkout_session_id, id DESC);
CREATE INDEX placement_recovery_events_created_idx ON placement_recovery_events (created_at DESC);
-- The heartbeat renews its running requests' keys by owner.
CREATE INDEX idempotency_keys_lease_idx ON idempotency_keys (lease_owner) WHERE response_status IS NULL;
