import { sql } from "drizzle-orm"
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core"
import { addressColumns } from "../../core/document-columns"
import { entityColumns } from "../../core/columns"

/** A shopper. Guests (has_account false) may share an email; one registered customer per email. */
export const customer = pgTable(
  "customer",
  {
    ...entityColumns(),
    email: text("email"),
    first_name: text("first_name"),
    last_name: text("last_name"),
    phone: text("phone"),
    company_name: text("company_name"),
    has_account: boolean("has_account").notNull().default(false),
    created_by: text("created_by"),
  },
  (t) => [uniqueIndex("customer_email_account_uq").on(t.email).where(sql`deleted_at is null and has_account`)],
)

export const customerAddress = pgTable(
  "customer_address",
  {
    ...entityColumns(),
    ...addressColumns(),
    customer_id: text("customer_id")
      .notNull()
      .references(() => customer.id, { onDelete: "cascade" }),
    address_name: text("address_name"),
    is_default_shipping: boolean("is_default_shipping").notNull().default(false),
    is_default_billing: boolean("is_default_billing").notNull().default(false),
  },
  (t) => [index("customer_address_customer_idx").on(t.customer_id)],
)

/** A named set of customers (Medusa's CustomerGroup); promotions' rules can target its members. */
export const customerGroup = pgTable(
  "customer_group",
  {
    ...entityColumns(),
    name: text("name").notNull(),
    created_by: text("created_by"),
  },
  (t) => [uniqueIndex("customer_group_name_uq").on(t.name).where(sql`deleted_at is null`)],
)

/** Membership of a customer in a group (Medusa's CustomerGroupCustomer). */
export const customerGroupCustomer = pgTable(
  "customer_group_customer",
  {
    customer_group_id: text("customer_group_id")
      .notNull()
      .references(() => customerGroup.id, { onDelete: "cascade" }),
    customer_id: text("customer_id")
      .notNull()
      .references(() => customer.id, { onDelete: "cascade" }),
    created_by: text("created_by"),
    created_at: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updated_at: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "customer_group_customer_pk", columns: [t.customer_group_id, t.customer_id] }),
    index("customer_group_customer_customer_idx").on(t.customer_id),
  ],
)
