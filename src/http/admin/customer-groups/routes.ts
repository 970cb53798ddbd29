import { z } from "zod"
import { emptyResource } from "../../../core/empty-resource"
import { oneOrMany } from "../../../core/query/params"

/** Medusa's /admin/customer-groups until customer groups exist here (the dashboard's customer pages list them). */
export const adminCustomerGroupRoutes = emptyResource("customer_groups", "Customer group", {
  filters: { name: oneOrMany.optional(), customers: z.unknown().optional() },
  defaultLimit: 50,
})
