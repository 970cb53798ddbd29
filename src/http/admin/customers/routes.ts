import { CUSTOMER_FIELDS, CUSTOMER_GROUP_FIELDS } from "./fields"
import { Hono, type Context } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { body, query } from "../../../core/input"
import {
  booleanString,
  dateFilters,
  idList,
  listQuery,
  oneOrMany,
  parseOrder,
  retrieveQuery,
} from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { entityQuery, orderingFor } from "../../../core/query/shape"
import type { Row } from "../../../core/query/graph"
import type { AppEnv } from "../../../core/types"
import { createCustomer, deleteCustomer, updateCustomer } from "../../../flows/customer/customer"
import { setCustomerGroups } from "../../../flows/customer/customer-groups"
import {
  createCustomerAddress,
  deleteCustomerAddress,
  updateCustomerAddress,
} from "../../../flows/customer/customer-address"
import { ADDRESS_FIELDS, addressQuery } from "../../../modules/customer/address-query"
import {
  createCustomerBody,
  customerAddressBody,
  customerEmail,
  customerProfile,
  updateCustomerAddressBody,
} from "../../store/customers/validators"

const customers = (scope: Scope) => scope.resolve("customerService")
const customerGroups = (scope: Scope) => scope.resolve("customerGroupService")
const withRelations = entityQuery(CUSTOMER_FIELDS, {
  addresses: {
    many: true,
    target: () => ({ fields: ADDRESS_FIELDS, relations: {} }),
    load: async (rows, ctx) =>
      (await customers(ctx.scope).addressesByCustomer(rows.map((row) => row.id))) as unknown as Map<string, Row[]>,
  },
  groups: {
    many: true,
    target: () => ({ fields: CUSTOMER_GROUP_FIELDS, relations: {} }),
    load: async (rows, ctx) =>
      (await customerGroups(ctx.scope).groupsOfCustomers(rows.map((row) => row.id))) as unknown as Map<string, Row[]>,
  },
})
// A customer's groups are shown when `fields` asks for them (`*groups`, `groups.name`); the defaults are unchanged.
const adminCustomerQuery = {
  ...withRelations,
  defaults: withRelations.defaults.filter((field) => field !== "*groups"),
}
const listCustomersQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  email: oneOrMany.optional(),
  has_account: booleanString.optional(),
  groups: oneOrMany.optional(),
  ...dateFilters,
})
const fieldsQuery = z.object(retrieveQuery)
const updateCustomerBody = z.strictObject({ ...customerProfile, email: customerEmail.optional() })
const customerGroupsBody = z.strictObject({ add: idList().optional(), remove: idList().optional() })
const respondCustomer = (c: Context<AppEnv>, id: string, fields?: string) =>
  retrieveResponse(c, "customer", adminCustomerQuery, fields, () => customers(c.var.scope).retrieve(id))

/** Medusa's /admin/customers: shoppers with and without accounts. */
export const adminCustomerRoutes = new Hono<AppEnv>()
  .get("/", query(listCustomersQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = parseOrder(
      order,
      ["created_at", "updated_at", "email", "first_name", "last_name", "has_account", "id"],
      { field: "created_at", direction: "desc" },
    )
    return listResponse(c, "customers", adminCustomerQuery, { fields, limit, offset }, () =>
      customers(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", body(createCustomerBody), query(fieldsQuery), async (c) => {
    const { fields } = c.req.valid("query")
    const created = await createCustomer(c.var.scope, c.req.valid("json"), c.var.auth!.actor_id)
    return retrieveResponse(c, "customer", adminCustomerQuery, fields, async () => created)
  })
  .get("/:id", query(fieldsQuery), async (c) => {
    const { fields } = c.req.valid("query")
    return retrieveResponse(c, "customer", adminCustomerQuery, fields, () =>
      customers(c.var.scope).retrieve(c.req.param("id")),
    )
  })
  .post("/:id", body(updateCustomerBody), query(fieldsQuery), async (c) => {
    const { fields } = c.req.valid("query")
    const updated = await updateCustomer(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return retrieveResponse(c, "customer", adminCustomerQuery, fields, async () => updated)
  })
  .post("/:id/customer-groups", body(customerGroupsBody), query(fieldsQuery), async (c) => {
    const customer = await setCustomerGroups(c.var.scope, c.req.param("id"), c.req.valid("json"), c.var.auth?.actor_id)
    return respondCustomer(c, customer.id, c.req.valid("query").fields)
  })
  .get("/:id/addresses", query(z.object(listQuery)), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...dates } = c.req.valid("query")
    const customerId = c.req.param("id")
    return listResponse(c, "addresses", addressQuery, { fields, limit, offset }, async () => {
      await customers(c.var.scope).retrieve(customerId)
      return customers(c.var.scope).listAddresses(customerId, dates, orderingFor(addressQuery, order), {
        limit,
        offset,
      })
    })
  })
  .post("/:id/addresses", body(customerAddressBody), async (c) => {
    await createCustomerAddress(c.var.scope, c.req.param("id"), c.req.valid("json"), "admin")
    return respondCustomer(c, c.req.param("id"))
  })
  .get("/:id/addresses/:address_id", query(fieldsQuery), async (c) => {
    const { fields } = c.req.valid("query")
    return retrieveResponse(c, "address", addressQuery, fields, () =>
      customers(c.var.scope).retrieveAddress(c.req.param("id"), c.req.param("address_id")),
    )
  })
  .post("/:id/addresses/:address_id", body(updateCustomerAddressBody), async (c) => {
    const { id: _id, ...input } = c.req.valid("json")
    await updateCustomerAddress(c.var.scope, c.req.param("id"), c.req.param("address_id"), input, "admin")
    return respondCustomer(c, c.req.param("id"))
  })
  .delete("/:id/addresses/:address_id", async (c) => {
    await deleteCustomerAddress(c.var.scope, c.req.param("id"), c.req.param("address_id"), "admin")
    const parent = await customers(c.var.scope).retrieve(c.req.param("id"))
    return c.json({ id: c.req.param("address_id"), object: "customer_address", deleted: true, parent })
  })
  .delete("/:id", async (c) => {
    await deleteCustomer(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "customer", deleted: true })
  })
