-- Search documents: one narrow row per listed product with everything search filters, sorts and
-- counts facets on, so a query reads only the rows it matches, once, and never joins variants,
-- stock or options per match. Plus the words of names and brands for autocomplete.
-- Runs on PostgreSQL 15+ and PGlite (PostgreSQL 18).

-- Every option value any product offers, numbered, so documents carry small integer arrays.
-- `ord` is the value's place in the first product that offered it (XS, S, M … not A–Z).
CREATE TABLE search_option_values (
  id    integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name  text NOT NULL,
  value text NOT NULL,
  ord   integer NOT NULL,
  UNIQUE (name, value)
);
CREATE INDEX search_option_values_name_idx ON search_option_values (lower(name));

-- Active products with at least one variant; nothing else can be found.
CREATE TABLE search_documents (
  product_id     text PRIMARY KEY REFERENCES products (id) ON DELETE CASCADE,
  -- Name (A), brand (B) and category (C): what a partial word is completed against.
  name_vector    tsvector NOT NULL,
  -- Every searchable word (positions and weights stripped: only matched, never ranked): what
  -- whole words, longer prefixes and spelling corrections match.
  text_vector    tsvector NOT NULL,
  brand          text NOT NULL,
  category_id    text NOT NULL,
  min_price      bigint NOT NULL,
  rating_average numeric(2, 1) NOT NULL,
  rating_count   integer NOT NULL,
  position       integer NOT NULL,
  created_at     timestamptz(3) NOT NULL,
  -- Any enabled variant with units available. Kept within moments of every stock change
  -- (see search_stock_changes); pages still show live stock.
  in_stock       boolean NOT NULL,
  option_ids     integer[] NOT NULL
-- Room on each page for a new version of a row (a price or stock change) to stay beside the old.
) WITH (fillfactor = 90);
CREATE INDEX search_documents_name_idx ON search_documents USING gin (name_vector);
CREATE INDEX search_documents_text_idx ON search_documents USING gin (text_vector);
CREATE INDEX search_documents_brand_idx ON search_documents (lower(brand));
-- Also the physical order: documents are written in category order and a bulk load (seeding)
-- ends with CLUSTER on this index. A word's matches mostly share a category, so they share heap
-- pages too ("headphones": about 300 pages instead of 2,800 at 100k products).
CREATE INDEX search_documents_category_idx ON search_documents (category_id, product_id);

-- Lower-case words of each listed product's name (weight 0) and brand (weight 1), unstemmed,
-- for suggestions as the shopper types: a prefix is a range of this index.
CREATE TABLE search_suggest_words (
  word       text COLLATE "C" NOT NULL,
  weight     smallint NOT NULL,
  popularity integer NOT NULL,
  product_id text NOT NULL REFERENCES search_documents (product_id) ON DELETE CASCADE,
  PRIMARY KEY (product_id, word, weight)
);
CREATE INDEX search_suggest_words_word_idx ON search_suggest_words (word, weight, popularity DESC, product_id);

-- Whether any enabled variant of the product has units available (what the product page shows).
CREATE FUNCTION search_product_in_stock(product_id text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM variants v JOIN inventory_levels i ON i.variant_id = v.id
                 WHERE v.product_id = search_product_in_stock.product_id AND v.enabled AND i.on_hand - i.reserved > 0)
$$;

-- Recomputes the documents (and suggestion words) of `ids`: inserted, updated, or removed when
-- the product is no longer listed. Locks the rows in id order, as every caller does.
CREATE FUNCTION search_documents_refresh(ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM search_documents WHERE product_id = ANY (ids) ORDER BY product_id FOR UPDATE;

  INSERT INTO search_option_values (name, value, ord)
  SELECT o.name, x.value, min(x.ord)
  FROM product_options o CROSS JOIN LATERAL unnest(o."values") WITH ORDINALITY AS x(value, ord)
  WHERE o.product_id = ANY (ids)
  GROUP BY o.name, x.value
  ORDER BY o.name, x.value
  ON CONFLICT (name, value) DO NOTHING;

  DELETE FROM search_documents d
  WHERE d.product_id = ANY (ids)
    AND NOT EXISTS (SELECT 1 FROM products p JOIN product_stats s ON s.product_id = p.id
                    WHERE p.id = d.product_id AND p.status = 'active' AND s.min_price IS NOT NULL);

  INSERT INTO search_documents AS d (product_id, name_vector, text_vector, brand, category_id, min_price,
                                     rating_average, rating_count, position, created_at, in_stock, option_ids)
  SELECT p.id,
         setweight(to_tsvector('english'::regconfig, p.name), 'A') ||
         setweight(to_tsvector('english'::regconfig, p.brand), 'B') ||
         setweight(to_tsvector('english'::regconfig, p.category_name), 'C'),
         strip(p.search_vector), p.brand, p.category_id, s.min_price, p.rating_average, p.rating_count, p.position, p.created_at,
         search_product_in_stock(p.id),
         ARRAY(SELECT DISTINCT ov.id
               FROM product_options o CROSS JOIN LATERAL unnest(o."values") AS x(value)
               JOIN search_option_values ov ON ov.name = o.name AND ov.value = x.value
               WHERE o.product_id = p.id ORDER BY ov.id)
  FROM products p JOIN product_stats s ON s.product_id = p.id
  WHERE p.id = ANY (ids) AND p.status = 'active' AND s.min_price IS NOT NULL
  ORDER BY p.category_id, p.id
  ON CONFLICT (product_id) DO UPDATE SET
    name_vector = EXCLUDED.name_vector, text_vector = EXCLUDED.text_vector, brand = EXCLUDED.brand,
    category_id = EXCLUDED.category_id, min_price = EXCLUDED.min_price, rating_average = EXCLUDED.rating_average,
    rating_count = EXCLUDED.rating_count, position = EXCLUDED.position, created_at = EXCLUDED.created_at,
    in_stock = EXCLUDED.in_stock, option_ids = EXCLUDED.option_ids
  WHERE (d.name_vector, d.text_vector, d.brand, d.category_id, d.min_price, d.rating_average, d.rating_count,
         d.position, d.created_at, d.in_stock, d.option_ids)
        IS DISTINCT FROM
        (EXCLUDED.name_vector, EXCLUDED.text_vector, EXCLUDED.brand, EXCLUDED.category_id, EXCLUDED.min_price,
         EXCLUDED.rating_average, EXCLUDED.rating_count, EXCLUDED.position, EXCLUDED.created_at, EXCLUDED.in_stock,
         EXCLUDED.option_ids);

  DELETE FROM search_suggest_words w WHERE w.product_id = ANY (ids);
  INSERT INTO search_suggest_words (word, weight, popularity, product_id)
  SELECT DISTINCT x.word, x.weight, d.rating_count, d.product_id
  FROM search_documents d JOIN products p ON p.id = d.product_id
  CROSS JOIN LATERAL (
    SELECT w, 0::smallint FROM regexp_split_to_table(lower(p.name), '[^[:alnum:]]+') AS w
    UNION ALL
    SELECT w, 1::smallint FROM regexp_split_to_table(lower(p.brand), '[^[:alnum:]]+') AS w
  ) AS x(word, weight)
  WHERE d.product_id = ANY (ids) AND x.word <> '' AND length(x.word) <= 40
  ON CONFLICT DO NOTHING;
END;
$$;

-- Catalog writes (admin edits, imports, seeding) refresh documents in their own transaction. One
-- statement trigger serves every table: products name the product in `id`, stock rows through
-- their variant, options, product_stats and variants in `product_id` (new rows, old rows or both).
CREATE FUNCTION search_documents_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  IF TG_TABLE_NAME = 'products' THEN
    ids := ARRAY(SELECT DISTINCT id FROM new_rows ORDER BY 1);
  ELSIF TG_TABLE_NAME = 'inventory_levels' THEN
    ids := ARRAY(SELECT DISTINCT v.product_id FROM new_rows n JOIN variants v ON v.id = n.variant_id ORDER BY 1);
  ELSIF TG_OP = 'INSERT' THEN
    ids := ARRAY(SELECT DISTINCT product_id FROM new_rows ORDER BY 1);
  ELSIF TG_OP = 'DELETE' THEN
    ids := ARRAY(SELECT DISTINCT product_id FROM old_rows ORDER BY 1);
  ELSE
    ids := ARRAY(SELECT product_id FROM new_rows UNION SELECT product_id FROM old_rows ORDER BY 1);
  END IF;
  PERFORM search_documents_refresh(ids);
  RETURN NULL;
END;
$$;
CREATE TRIGGER products_search_insert AFTER INSERT ON products
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_after_write();
CREATE TRIGGER products_search_update AFTER UPDATE ON products
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_after_write();
CREATE TRIGGER product_options_search_insert AFTER INSERT ON product_options
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_after_write();
CREATE TRIGGER product_options_search_update AFTER UPDATE ON product_options
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_after_write();
CREATE TRIGGER product_options_search_delete AFTER DELETE ON product_options
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_after_write();
CREATE TRIGGER product_stats_search_insert AFTER INSERT ON product_stats
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_after_write();
CREATE TRIGGER product_stats_search_update AFTER UPDATE ON product_stats
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_after_write();
-- Variant inserts reach documents through product_stats and their new stock rows; updates (the
-- enabled flag) and deletes come here.
CREATE TRIGGER variants_search_update AFTER UPDATE ON variants
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_after_write();
CREATE TRIGGER variants_search_delete AFTER DELETE ON variants
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_after_write();
CREATE TRIGGER inventory_levels_search_insert AFTER INSERT ON inventory_levels
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_documents_after_write();

-- Stock updates are the hot path (every hold, release and sale). Locking a document there would
-- order locks by product inside transactions that lock stock by variant, and could deadlock; so a
-- variant whose availability crosses zero only appends its product here, without any lock, and
-- search_stock_refresh() applies the list after commit (the server calls it after every stock
-- change, and the hold sweeper on every pass).
CREATE TABLE search_stock_changes (
  product_id text NOT NULL
);

CREATE FUNCTION search_stock_crossed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_stock_changes (product_id)
  SELECT DISTINCT v.product_id
  FROM new_rows n JOIN old_rows o ON o.variant_id = n.variant_id JOIN variants v ON v.id = n.variant_id
  WHERE (n.on_hand - n.reserved > 0) <> (o.on_hand - o.reserved > 0);
  RETURN NULL;
END;
$$;
CREATE TRIGGER inventory_levels_search_update AFTER UPDATE ON inventory_levels
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_stock_crossed();

-- Applies the pending stock changes: sets in_stock of the products listed (nothing else changed);
-- answers how many products were looked at. Callers run side by side: each takes the entries no
-- other caller holds (SKIP LOCKED), and locks documents in id order before the update, whose new
-- snapshot then sees every stock change committed up to that moment. An entry committed after
-- that stays for the next call.
CREATE FUNCTION search_stock_refresh() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
BEGIN
  WITH taken AS (
    DELETE FROM search_stock_changes c
    WHERE c.ctid IN (SELECT ctid FROM search_stock_changes FOR UPDATE SKIP LOCKED)
    RETURNING c.product_id)
  SELECT ARRAY(SELECT DISTINCT product_id FROM taken ORDER BY 1) INTO ids;
  IF cardinality(ids) = 0 THEN RETURN 0; END IF;
  PERFORM 1 FROM search_documents WHERE product_id = ANY (ids) ORDER BY product_id FOR UPDATE;
  UPDATE search_documents d SET in_stock = s.in_stock
  FROM (SELECT x.id, search_product_in_stock(x.id) AS in_stock FROM unnest(ids) AS x(id)) s
  WHERE d.product_id = s.id AND d.in_stock IS DISTINCT FROM s.in_stock;
  RETURN cardinality(ids);
END;
$$;

-- Catalogs that existed before this migration.
SELECT search_documents_refresh(ARRAY(SELECT id FROM products ORDER BY id));
