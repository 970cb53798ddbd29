/** The columns an admin customer answer may show (Medusa's fields), shared by customers and their groups' `customers`. */
export const CUSTOMER_FIELDS = [
  "email",
  "company_name",
  "first_name",
  "last_name",
  "phone",
  "has_account",
  "created_by",
  "metadata",
  "created_at",
  "updated_at",
  "deleted_at",
] as const

/** The columns of a customer group, shared by /admin/customer-groups and a customer's `groups`. */
export const CUSTOMER_GROUP_FIELDS = [
  "name",
  "metadata",
  "created_by",
  "created_at",
  "updated_at",
  "deleted_at",
] as const
