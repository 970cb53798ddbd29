import { Hono } from "hono"
import { z } from "zod"
import { booleanString, listQuery, oneOrMany, parseOrder, validateQuery } from "../../core/query/params"
import type { AppEnv } from "../../core/types"
import type { CustomerService } from "./service"

const listCustomersQuery = z.object({ ...listQuery, q: z.string().optional(), id: oneOrMany.optional(), email: oneOrMany.optional(), has_account: booleanString.optional() })

export const adminCustomerRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { limit = 20, offset = 0, order, fields: _fields, ...filters } = validateQuery(c, listCustomersQuery)
    const ordering = parseOrder(order, ["created_at", "updated_at", "email", "first_name", "last_name", "id"], { field: "created_at", direction: "desc" })
    const service = c.var.scope.resolve<CustomerService>("customerService")
    const { rows, count } = await service.list(filters, ordering, { limit, offset })
    const addresses = await service.addresses(rows.map((row) => row.id))
    const customers = rows.map((row) => ({ ...row, addresses: addresses.filter((address) => address.customer_id === row.id) }))
    return c.json({ customers, count, offset, limit })
  })
  .get("/:id", async (c) => {
    const service = c.var.scope.resolve<CustomerService>("customerService")
    const customer = await service.retrieve(c.req.param("id"))
    return c.json({ customer: { ...customer, addresses: await service.addresses([customer.id]) } })
  })
