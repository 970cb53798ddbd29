import { sql } from "drizzle-orm"
import { boolean, check, index, integer, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core"
import { entityColumns, linkColumns, physicalColumns } from "../../core/columns"

export const inventoryItem = pgTable(
  "inventory_item",
  {
    ...entityColumns(),
    sku: text("sku"),
    title: text("title"),
    description: text("description"),
    thumbnail: text("thumbnail"),
    unit_of_measure: text("unit_of_measure"),
    ...physicalColumns(),
    requires_shipping: boolean("requires_shipping").notNull().default(true),
  },
  (t) => [uniqueIndex("inventory_item_sku_uq").on(t.sku).where(sql`deleted_at is null and sku is not null`)],
)

/** Stock of one item at one location. Quantities are whole units. */
export const inventoryLevel = pgTable(
  "inventory_level",
  {
    ...entityColumns(),
    inventory_item_id: text("inventory_item_id")
      .notNull()
      .references(() => inventoryItem.id, { onDelete: "cascade" }),
    location_id: text("location_id").notNull(),
    stocked_quantity: integer("stocked_quantity").notNull().default(0),
    reserved_quantity: integer("reserved_quantity").notNull().default(0),
    incoming_quantity: integer("incoming_quantity").notNull().default(0),
  },
  (t) => [
    uniqueIndex("inventory_level_item_location_uq")
      .on(t.inventory_item_id, t.location_id)
      .where(sql`deleted_at is null`),
    index("inventory_level_location_idx").on(t.location_id),
    check("inventory_level_stocked_nonnegative", sql`${t.stocked_quantity} >= 0`),
    check("inventory_level_reserved_nonnegative", sql`${t.reserved_quantity} >= 0`),
  ],
)

/** Which inventory items a variant consumes, and how many of each per unit sold. */
export const productVariantInventoryItem = pgTable(
  "product_variant_inventory_item",
  {
    variant_id: text("variant_id").notNull(),
    inventory_item_id: text("inventory_item_id")
      .notNull()
      .references(() => inventoryItem.id, { onDelete: "cascade" }),
    required_quantity: integer("required_quantity").notNull().default(1),
    ...linkColumns(),
  },
  (t) => [primaryKey({ columns: [t.variant_id, t.inventory_item_id] }), index("pvii_item_idx").on(t.inventory_item_id)],
)

/** Stock held for an order line until it ships or is canceled. */
export const reservationItem = pgTable(
  "reservation_item",
  {
    ...entityColumns(),
    line_item_id: text("line_item_id"),
    inventory_item_id: text("inventory_item_id")
      .notNull()
      .references(() => inventoryItem.id, { onDelete: "cascade" }),
    location_id: text("location_id").notNull(),
    quantity: integer("quantity").notNull(),
    allow_backorder: boolean("allow_backorder").notNull().default(false),
    description: text("description"),
    external_id: text("external_id"),
  },
  (t) => [
    index("reservation_item_line_item_idx").on(t.line_item_id),
    index("reservation_item_inventory_item_idx").on(t.inventory_item_id),
  ],
)
