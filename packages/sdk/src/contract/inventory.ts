import { z } from 'zod';
import { VariantId } from './carts.js';
import { InventoryPolicy } from './catalog.js';
import { listOf, MAX_PAGE_LIMIT, PageQuery } from './pagination.js';
import { queryInt, queryList } from './query.js';

const Timestamp = z.string().meta({ description: 'ISO 8601 date-time in UTC', example: '2026-11-25T09:00:00.000Z' });

/** Query of `GET /v1/inventory`. */
export const InventoryQuery = z
  .object({
    variant_ids: queryList(VariantId, 100)
      .pipe(z.array(VariantId).min(1, 'name at least one variant'))
      .meta({ description: 'Comma-separated variant ids (1–100)' }),
  })
  .strict();
export type InventoryQuery = z.input<typeof InventoryQuery>;

/** What the storefront may know about a variant's stock. */
export const Availability = z
  .object({
    variant_id: VariantId,
    available: z.number().int().nonnegative().nullable().meta({
      description:
        "Units in stock now (on hand minus reserved); null when the variant's stock is not tracked (always available)",
    }),
    in_stock: z
      .boolean()
      .meta({ description: 'Can be bought now: units in stock, stock not tracked, or sold on backorder' }),
    backorder: z.boolean().meta({
      description: 'Nothing in stock but still sold (policy `continue`): any quantity can be bought and ships later',
    }),
    track_inventory: z.boolean().meta({ description: 'False: stock is not counted (always available)' }),
    inventory_policy: InventoryPolicy,
  })
  .meta({ id: 'Availability' });
export type Availability = z.infer<typeof Availability>;

/** `GET /v1/inventory`: one entry per known variant requested, in request order; unknown ids are left out. */
export const AvailabilityList = z
  .object({ object: z.literal('list'), data: z.array(Availability) })
  .meta({ id: 'AvailabilityList' });
export type AvailabilityList = z.infer<typeof AvailabilityList>;

/** A variant's stock as an admin sees it. */
export const InventoryLevel = z
  .object({
    object: z.literal('inventory_level'),
    variant_id: VariantId,
    product_id: z.string(),
    sku: z.string(),
    on_hand: z.number().int().meta({
      description: 'Units on hand; negative when more was sold on backorder than was in stock (the units owed)',
    }),
    reserved: z.number().int().nonnegative().meta({ description: 'Units held by active checkouts' }),
    available: z.number().int().nonnegative(),
    track_inventory: z.boolean().meta({ description: 'False: stock is not counted; sales never change on_hand' }),
    inventory_policy: InventoryPolicy,
    updated_at: Timestamp,
  })
  .meta({ id: 'InventoryLevel' });
export type InventoryLevel = z.infer<typeof InventoryLevel>;

export const InventoryLevelList = z
  .object({ object: z.literal('list'), data: z.array(InventoryLevel) })
  .meta({ id: 'InventoryLevelList' });
export type InventoryLevelList = z.infer<typeof InventoryLevelList>;

export const InventoryParams = z.object({ variantId: VariantId });

/** Most units one stock count may hold. */
export const MAX_ON_HAND = 1_000_000;

/** Why a person changed stock (the console's reason select). */
export const STOCK_REASONS = ['received', 'count', 'correction', 'damaged', 'lost', 'returned', 'other'] as const;
export const StockReason = z.enum(STOCK_REASONS);
export type StockReason = z.infer<typeof StockReason>;

/** Why stock changed in the history: a person's reason, or what the system did (a sale, a restock, an import). */
export const MOVEMENT_REASONS = [...STOCK_REASONS, 'sale', 'restock', 'import'] as const;
export const MovementReason = z.enum(MOVEMENT_REASONS);
export type MovementReason = z.infer<typeof MovementReason>;

/** Longest note a stock change may carry. */
export const MAX_STOCK_NOTE = 500;
const StockNote = z.string().trim().max(MAX_STOCK_NOTE);

/** Body of `PUT /v1/admin/inventory/:variantId`: a stock count (`reason` defaults to `count`). */
export const InventorySet = z
  .object({
    on_hand: z.number().int().min(0).max(MAX_ON_HAND),
    reason: StockReason.optional(),
    note: StockNote.optional(),
  })
  .strict()
  .meta({ id: 'InventorySet' });
export type InventorySet = z.input<typeof InventorySet>;

/** Body of `POST /v1/admin/inventory/:variantId/adjust`: a non-zero change of units on hand. */
export const InventoryAdjust = z
  .object({
    delta: z
      .number()
      .int()
      .min(-MAX_ON_HAND)
      .max(MAX_ON_HAND)
      .refine((d) => d !== 0, 'must not be 0'),
    reason: StockReason.optional().meta({ description: 'Why (default `correction`)' }),
    note: StockNote.optional(),
  })
  .strict()
  .meta({ id: 'InventoryAdjust' });
export type InventoryAdjust = z.input<typeof InventoryAdjust>;

export const DEFAULT_LOW_STOCK_THRESHOLD = 5;

/** Query of `GET /v1/admin/inventory/low-stock`. */
export const LowStockQuery = z
  .object({
    threshold: queryInt({ min: 0, max: MAX_ON_HAND })
      .optional()
      .meta({ description: `Variants with available ≤ threshold (default ${DEFAULT_LOW_STOCK_THRESHOLD})` }),
    limit: queryInt({ min: 1, max: MAX_PAGE_LIMIT })
      .optional()
      .meta({ description: `At most this many, lowest first (default ${MAX_PAGE_LIMIT})` }),
  })
  .strict();
export type LowStockQuery = z.input<typeof LowStockQuery>;

export const HoldId = z.string().regex(/^hold_[A-Za-z0-9]{1,64}$/, 'must be a hold id (hold_…)');

/** Body of `POST /v1/admin/inventory/holds`: reserve stock for an outside channel (a till, a marketplace). */
export const HoldCreate = z
  .object({
    items: z
      .array(z.object({ variant_id: VariantId, quantity: z.number().int().min(1).max(MAX_ON_HAND) }).strict())
      .min(1)
      .max(100),
    ttl_seconds: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 3600)
      .optional()
      .meta({ description: 'Seconds until the hold lapses (default: the checkout hold TTL)' }),
  })
  .strict()
  .meta({ id: 'HoldCreate' });
export type HoldCreate = z.input<typeof HoldCreate>;

export const HoldParams = z.object({ holdId: HoldId });

/** Stock reserved until `expires_at`; released by the sweeper after that, or converted to a sale. */
export const InventoryHold = z
  .object({
    object: z.literal('inventory_hold'),
    id: HoldId,
    items: z.array(z.object({ variant_id: VariantId, quantity: z.number().int().positive() })),
    expires_at: Timestamp,
  })
  .meta({ id: 'InventoryHold' });
export type InventoryHold = z.infer<typeof InventoryHold>;

/** `DELETE /v1/admin/inventory/holds/:holdId`. */
export const HoldReleased = z.object({ object: z.literal('inventory_hold'), id: HoldId, released: z.literal(true) });

/** One change of a variant's units on hand, as the stock history lists it. */
export const InventoryMovement = z
  .object({
    object: z.literal('inventory_movement'),
    id: z.string(),
    variant_id: VariantId,
    delta: z.number().int().meta({ description: 'Units added (negative: taken away)' }),
    on_hand: z
      .number()
      .int()
      .meta({ description: 'Units on hand after the change (below 0 when sold on backorder: the units owed)' }),
    reason: MovementReason,
    note: z.string(),
    actor: z
      .object({ type: z.enum(['staff', 'key', 'system']), id: z.string().nullable() })
      .meta({ description: 'Who changed it: a staff member, an API key, or the system (sales, imports)' }),
    reference: z.string().nullable().meta({ description: 'The order or import the change belongs to' }),
    created_at: Timestamp,
  })
  .meta({ id: 'InventoryMovement' });
export type InventoryMovement = z.infer<typeof InventoryMovement>;

/** `GET /v1/admin/inventory/:variantId/history`: newest first. */
export const InventoryMovementList = listOf(InventoryMovement).meta({ id: 'InventoryMovementList' });
export type InventoryMovementList = z.infer<typeof InventoryMovementList>;

/** Query of `GET /v1/admin/inventory/:variantId/history`. */
export const InventoryHistoryQuery = PageQuery.pick({ limit: true, cursor: true }).strict();
export type InventoryHistoryQuery = z.input<typeof InventoryHistoryQuery>;
