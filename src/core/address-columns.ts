import { text } from "drizzle-orm/pg-core"

/** The address fields Medusa's carts, orders and customers share. */
export const addressColumns = () => ({
  customer_id: text("customer_id"),
  company: text("company"),
  first_name: text("first_name"),
  last_name: text("last_name"),
  address_1: text("address_1"),
  address_2: text("address_2"),
  city: text("city"),
  country_code: text("country_code"),
  province: text("province"),
  postal_code: text("postal_code"),
  phone: text("phone"),
})
