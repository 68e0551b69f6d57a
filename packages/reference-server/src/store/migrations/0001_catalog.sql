-- The catalog: category tree, products with options, variants, stock and images, and API keys.
-- Written for PostgreSQL 15+ (real server) and PGlite (PostgreSQL 18); later migrations extend it.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE categories (
  id          text PRIMARY KEY,
  slug        text NOT NULL UNIQUE,
  name        text NOT NULL,
  description text NOT NULL DEFAULT '',
  parent_id   text REFERENCES categories (id) ON DELETE RESTRICT,
  position    integer NOT NULL DEFAULT 0,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX categories_parent_idx ON categories (parent_id, position);

CREATE TABLE products (
  id                text PRIMARY KEY,
  handle            text NOT NULL UNIQUE,
  name              text NOT NULL,
  brand             text NOT NULL DEFAULT '',
  category_id       text NOT NULL REFERENCES categories (id) ON DELETE RESTRICT,
  -- Denormalized from categories.name (kept by triggers) so the generated search vector can use it.
  category_name     text NOT NULL DEFAULT '',
  short_description text NOT NULL DEFAULT '',
  description_html  text NOT NULL DEFAULT '',
  tags              text[] NOT NULL DEFAULT '{}',
  rating_average    numeric(2, 1) NOT NULL DEFAULT 0 CHECK (rating_average BETWEEN 0 AND 5),
  rating_count      integer NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
  status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('active', 'draft', 'archived')),
  -- The curated order of lists (sort=relevance without a query).
  position          integer NOT NULL DEFAULT 0,
  seo_title         text,
  seo_description   text,
  created_at        timestamptz(3) NOT NULL DEFAULT now(),
  updated_at        timestamptz(3) NOT NULL DEFAULT now(),
  search_vector     tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, name), 'A') ||
    setweight(to_tsvector('english'::regconfig, brand), 'B') ||
    setweight(to_tsvector('english'::regconfig, category_name), 'C') ||
    setweight(to_tsvector('english'::regconfig,
      short_description || ' ' || regexp_replace(description_html, '<[^>]*>', ' ', 'g')), 'D')
  ) STORED
);
CREATE INDEX products_listing_idx ON products (status, position, id);
CREATE INDEX products_category_idx ON products (category_id);
CREATE INDEX products_brand_idx ON products (lower(brand));
CREATE INDEX products_created_idx ON products (created_at DESC, id);
CREATE INDEX products_search_idx ON products USING gin (search_vector);
CREATE INDEX products_name_trgm_idx ON products USING gin (name gin_trgm_ops);

CREATE FUNCTION products_set_category_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.name INTO NEW.category_name FROM categories c WHERE c.id = NEW.category_id;
  NEW.category_name := coalesce(NEW.category_name, '');
  RETURN NEW;
END;
$$;
CREATE TRIGGER products_category_name
  BEFORE INSERT OR UPDATE OF category_id ON products
  FOR EACH ROW EXECUTE FUNCTION products_set_category_name();

CREATE FUNCTION categories_propagate_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE products SET category_name = NEW.name WHERE category_id = NEW.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER categories_name_changed
  AFTER UPDATE OF name ON categories
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION categories_propagate_name();

CREATE TABLE product_options (
  product_id text NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  position   integer NOT NULL,
  name       text NOT NULL,
  "values"   text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (product_id, position),
  UNIQUE (product_id, name)
);

CREATE TABLE product_images (
  id         text PRIMARY KEY,
  product_id text NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  url        text NOT NULL,
  alt        text NOT NULL DEFAULT '',
  width      integer NOT NULL CHECK (width > 0),
  height     integer NOT NULL CHECK (height > 0),
  position   integer NOT NULL DEFAULT 0
);
CREATE INDEX product_images_product_idx ON product_images (product_id, position);

CREATE TABLE variants (
  id                text PRIMARY KEY,
  product_id        text NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  sku               text NOT NULL UNIQUE,
  title             text NOT NULL,
  options           jsonb NOT NULL DEFAULT '{}',
  -- Money in integer minor units of `currency`.
  price_amount      bigint NOT NULL CHECK (price_amount >= 0),
  compare_at_amount bigint CHECK (compare_at_amount IS NULL OR compare_at_amount >= 0),
  currency          char(3) NOT NULL,
  position          integer NOT NULL DEFAULT 0,
  image_id          text REFERENCES product_images (id) ON DELETE SET NULL,
  created_at        timestamptz(3) NOT NULL DEFAULT now(),
  updated_at        timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX variants_product_idx ON variants (product_id, position);
CREATE INDEX variants_product_price_idx ON variants (product_id, price_amount);

CREATE TABLE inventory_levels (
  variant_id text PRIMARY KEY REFERENCES variants (id) ON DELETE CASCADE,
  on_hand    integer NOT NULL DEFAULT 0,
  reserved   integer NOT NULL DEFAULT 0,
  updated_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK (reserved >= 0 AND on_hand >= 0)
);

CREATE TABLE api_keys (
  id              text PRIMARY KEY,
  kind            text NOT NULL CHECK (kind IN ('publishable', 'secret')),
  mode            text NOT NULL CHECK (mode IN ('test', 'live')),
  -- sha256 of the key, hex; the plaintext is never stored.
  key_hash        text NOT NULL UNIQUE,
  -- What a person sees to tell keys apart, e.g. "pk_test_3xQa…".
  display_prefix  text NOT NULL,
  label           text NOT NULL DEFAULT '',
  allowed_origins text[] NOT NULL DEFAULT '{}',
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  revoked_at      timestamptz(3)
);
