import { entityQuery } from "../../core/query/shape"

/** A customer's address as the Store and Admin APIs show it. */
export const ADDRESS_FIELDS = [
  "address_name",
  "is_default_shipping",
  "is_default_billing",
  "customer_id",
  "company",
  "first_name",
  "last_name",
  "address_1",
  "address_2",
  "city",
  "country_code",
  "province",
  "postal_code",
  "phone",
  "metadata",
  "created_at",
  "updated_at",
]
export const addressQuery = entityQuery(ADDRESS_FIELDS)
