-- Search speed: each product's lowest variant price kept beside it, so search filters, sorts and
-- counts facets on an indexed column instead of aggregating variants for every match.
-- Runs on PostgreSQL 15+ and PGlite (PostgreSQL 18).

-- One row per product. Only variant writes (admin edits, imports, seeding) change it; stock
-- changes never do, so reservations and orders take no lock here (and cannot deadlock on it).
-- Whether a product is in stock stays computed per query: it changes with every sale.
CREATE TABLE product_stats (
  product_id text PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
  -- The lowest price of any variant (enabled or not), as lists show it; NULL without variants.
  min_price  bigint
);
CREATE INDEX product_stats_min_price_idx ON product_stats (min_price, product_id);

CREATE FUNCTION product_stats_refresh(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Lock the rows first (in id order): the recompute below is a new statement, so its snapshot
  -- sees every variant write committed while it waited, and no concurrent refresh is lost.
  PERFORM 1 FROM product_stats WHERE product_id = ANY (ids) ORDER BY product_id FOR UPDATE;
  UPDATE product_stats s SET min_price = a.min_price
  FROM (SELECT x.id, (SELECT min(v.price_amount) FROM variants v WHERE v.product_id = x.id) AS min_price
        FROM unnest(ids) AS x(id)) a
  WHERE s.product_id = a.id AND s.min_price IS DISTINCT FROM a.min_price;
END;
$$;

CREATE FUNCTION product_stats_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO product_stats (product_id) SELECT id FROM new_rows ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
CREATE TRIGGER products_stats_insert AFTER INSERT ON products
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION product_stats_insert();

CREATE FUNCTION variants_stats_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM product_stats_refresh(ARRAY(SELECT DISTINCT product_id FROM new_rows ORDER BY 1));
  RETURN NULL;
END;
$$;
CREATE FUNCTION variants_stats_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM product_stats_refresh(ARRAY(SELECT product_id FROM new_rows UNION SELECT product_id FROM old_rows ORDER BY 1));
  RETURN NULL;
END;
$$;
CREATE FUNCTION variants_stats_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM product_stats_refresh(ARRAY(SELECT DISTINCT product_id FROM old_rows ORDER BY 1));
  RETURN NULL;
END;
$$;
CREATE TRIGGER variants_stats_insert AFTER INSERT ON variants
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION variants_stats_inserted();
CREATE TRIGGER variants_stats_update AFTER UPDATE ON variants
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION variants_stats_updated();
CREATE TRIGGER variants_stats_delete AFTER DELETE ON variants
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION variants_stats_deleted();

-- Catalogs that existed before this migration.
INSERT INTO product_stats (product_id, min_price)
SELECT p.id, (SELECT min(v.price_amount) FROM variants v WHERE v.product_id = p.id) FROM products p;
