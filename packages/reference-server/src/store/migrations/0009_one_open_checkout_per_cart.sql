-- One open checkout session per cart. Creating a session for a cart that has an open one for the
-- same items answers that one (under the cart's row lock); this index is the guarantee beneath it.
-- Written for PostgreSQL 15+ and PGlite (PostgreSQL 18).

-- Older duplicates (from before this rule) end: the newest open session of a cart stays. Their
-- stock holds lapse on their own (the sweeper releases them at their expiry).
UPDATE checkout_sessions s
   SET status = 'expired', hold_id = NULL, updated_at = now()
 WHERE s.status = 'open'
   AND EXISTS (
     SELECT 1 FROM checkout_sessions n
      WHERE n.cart_id = s.cart_id AND n.status = 'open' AND (n.created_at, n.id) > (s.created_at, s.id)
   );

CREATE UNIQUE INDEX checkout_sessions_one_open_per_cart_idx ON checkout_sessions (cart_id) WHERE status = 'open';
