-- A complete product model: per variant, whether stock is counted, what happens when it runs out,
-- and whether it needs shipping. Written for PostgreSQL 15+ and PGlite (PostgreSQL 18).
--
--   track_inventory = false   stock is not counted: always available, holds take no units, sales
--                             leave on_hand as it is (a gift card, a download).
--   inventory_policy          for a tracked variant: 'deny' stops selling at 0 (the guarded
--                             reserve, as before); 'continue' keeps selling (backorder): holds
--                             always succeed and on_hand goes negative by the units owed.
--   requires_shipping = false a cart of only such lines needs no shipping address nor method.

ALTER TABLE variants
  ADD COLUMN track_inventory   boolean NOT NULL DEFAULT true,
  ADD COLUMN inventory_policy  text NOT NULL DEFAULT 'deny' CHECK (inventory_policy IN ('deny', 'continue')),
  ADD COLUMN requires_shipping boolean NOT NULL DEFAULT true;

-- A backorder variant sells beyond its stock: on_hand may go below zero and reserved above
-- on_hand. The checks that no stock row ever does so stay for every other row: a level is marked
-- `sells_beyond_stock` while its variant is tracked with 'continue' (kept by the triggers below),
-- or while it still owes units sold that way (a policy changed back to 'deny' before restocking;
-- the mark is recomputed at the next policy change). For 'deny' variants the guarded reserve
-- (`… WHERE on_hand - reserved >= q`) is what never oversells; the checks prove it.
ALTER TABLE inventory_levels ADD COLUMN sells_beyond_stock boolean NOT NULL DEFAULT false;
ALTER TABLE inventory_levels DROP CONSTRAINT inventory_levels_reserved_within_on_hand;
ALTER TABLE inventory_levels DROP CONSTRAINT inventory_levels_check;
ALTER TABLE inventory_levels ADD CONSTRAINT inventory_levels_check CHECK (reserved >= 0 AND (sells_beyond_stock OR on_hand >= 0));
ALTER TABLE inventory_levels ADD CONSTRAINT inventory_levels_reserved_within_on_hand
  CHECK (sells_beyond_stock OR reserved <= on_hand);

CREATE FUNCTION inventory_levels_mark_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT v.track_inventory AND v.inventory_policy = 'continue' INTO NEW.sells_beyond_stock
    FROM variants v WHERE v.id = NEW.variant_id;
  NEW.sells_beyond_stock := coalesce(NEW.sells_beyond_stock, false);
  RETURN NEW;
END;
$$;
CREATE TRIGGER inventory_levels_mark_new BEFORE INSERT ON inventory_levels
  FOR EACH ROW EXECUTE FUNCTION inventory_levels_mark_new();

CREATE FUNCTION variants_stock_policy_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE inventory_levels l
     SET sells_beyond_stock = (NEW.track_inventory AND NEW.inventory_policy = 'continue') OR l.on_hand < 0 OR l.reserved > l.on_hand
   WHERE l.variant_id = NEW.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER variants_stock_policy_changed AFTER UPDATE OF track_inventory, inventory_policy ON variants
  FOR EACH ROW WHEN (OLD.track_inventory IS DISTINCT FROM NEW.track_inventory OR OLD.inventory_policy IS DISTINCT FROM NEW.inventory_policy)
  EXECUTE FUNCTION variants_stock_policy_changed();

-- Whether a hold's row took units into inventory_levels.reserved (false for an untracked variant,
-- whose hold touches no stock). Recorded per row so that releasing or selling it gives back exactly
-- what it took, even if the variant's tracking changed in between.
ALTER TABLE inventory_holds ADD COLUMN tracked boolean NOT NULL DEFAULT true;

-- Orders of nothing to ship have no shipping address nor method.
ALTER TABLE orders ALTER COLUMN shipping_address DROP NOT NULL;
ALTER TABLE orders ALTER COLUMN shipping_method DROP NOT NULL;
ALTER TABLE orders ADD COLUMN requires_shipping boolean NOT NULL DEFAULT true;

-- Units of a line that were not in stock when the order was placed (sold on backorder): they ship
-- later. Whether the line needs shipping, as the variant said at placement.
ALTER TABLE order_items
  ADD COLUMN backordered_quantity integer NOT NULL DEFAULT 0,
  ADD COLUMN requires_shipping boolean NOT NULL DEFAULT true;
ALTER TABLE order_items ADD CONSTRAINT order_items_backordered_within_quantity
  CHECK (backordered_quantity BETWEEN 0 AND quantity);

-- A product is in stock (for search's filter and facet) when any enabled variant can be bought
-- now: units available, stock not tracked, or sold on backorder.
CREATE OR REPLACE FUNCTION search_product_in_stock(product_id text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM variants v JOIN inventory_levels i ON i.variant_id = v.id
                 WHERE v.product_id = search_product_in_stock.product_id AND v.enabled
                   AND (NOT v.track_inventory OR v.inventory_policy = 'continue' OR i.on_hand - i.reserved > 0))
$$;
