-- The card an order was paid with (brand and last four digits, as the payment provider reports
-- them), for the confirmation, the order page and the email. Null until the order is paid, and
-- for payment methods that are not cards. Written for PostgreSQL 15+ and PGlite (PostgreSQL 18).

ALTER TABLE orders ADD COLUMN payment_card jsonb;
