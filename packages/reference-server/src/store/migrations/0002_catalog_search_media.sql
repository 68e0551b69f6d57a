-- The full product model (product SKU, attributes, SEO, rating distribution, variant flags, image
-- renditions) and search support: a vocabulary of indexed words for typo correction.
-- Runs on PostgreSQL 15+ and PGlite (PostgreSQL 18).

CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

ALTER TABLE products
  ADD COLUMN sku                 text,
  ADD COLUMN attributes          jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN seo_keywords        text[] NOT NULL DEFAULT '{}',
  ADD COLUMN seo_canonical_url   text,
  ADD COLUMN seo_og_image        text,
  -- Ratings with 1, 2, 3, 4 and 5 stars.
  ADD COLUMN rating_distribution integer[] NOT NULL DEFAULT '{0,0,0,0,0}' CHECK (cardinality(rating_distribution) = 5),
  -- Set by the Shopify importer: the product's source rows, so a re-import of the same rows changes nothing.
  ADD COLUMN import_checksum     text;
CREATE UNIQUE INDEX products_sku_idx ON products (sku) WHERE sku IS NOT NULL;
CREATE INDEX products_rating_idx ON products (rating_average DESC, rating_count DESC, id);
CREATE INDEX products_tags_idx ON products USING gin (tags);

ALTER TABLE variants
  ADD COLUMN enabled      boolean NOT NULL DEFAULT true,
  ADD COLUMN weight_grams integer CHECK (weight_grams IS NULL OR weight_grams >= 0);

-- [{ "url", "width", "format": "webp" | "avif" }], filled when renditions are generated.
ALTER TABLE product_images ADD COLUMN sources jsonb NOT NULL DEFAULT '[]';

-- Every word of the searchable text of any product, lower-case: typo correction picks its
-- candidates here (levenshtein, plus swapped letters), and only for words that match nothing.
-- Words are never removed: a stale word costs a candidate that finds no product.
CREATE TABLE search_terms (
  term text COLLATE "C" PRIMARY KEY
);
CREATE INDEX search_terms_length_idx ON search_terms (length(term));

CREATE FUNCTION search_terms_collect() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_terms (term)
  SELECT DISTINCT w
  FROM new_rows r,
       regexp_split_to_table(lower(r.name || ' ' || r.brand || ' ' || r.category_name || ' ' || r.short_description || ' ' ||
                                   array_to_string(r.tags, ' ') || ' ' || regexp_replace(r.description_html, '<[^>]*>', ' ', 'g')),
                             '[^[:alnum:]]+') AS w
  WHERE length(w) BETWEEN 2 AND 40
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
CREATE TRIGGER products_terms_insert AFTER INSERT ON products
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_terms_collect();
CREATE TRIGGER products_terms_update AFTER UPDATE ON products
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_terms_collect();

-- Catalogs that existed before this migration.
INSERT INTO search_terms (term)
SELECT DISTINCT w
FROM products r,
     regexp_split_to_table(lower(r.name || ' ' || r.brand || ' ' || r.category_name || ' ' || r.short_description || ' ' ||
                                 array_to_string(r.tags, ' ') || ' ' || regexp_replace(r.description_html, '<[^>]*>', ' ', 'g')),
                           '[^[:alnum:]]+') AS w
WHERE length(w) BETWEEN 2 AND 40
ON CONFLICT DO NOTHING;

-- Suggest matches category names by prefix.
CREATE INDEX categories_name_lower_idx ON categories (lower(name) text_pattern_ops);
