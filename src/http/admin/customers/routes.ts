import { Hono, type Context } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { validateBody } from "../../../core/body"
import { MedusaError } from "../../../core/errors"
import {
  booleanString,
  dateFilters,
  listQuery,
  oneOrMany,
  parseOrder,
  retrieveQuery,
  validateQuery,
} from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { entityQuery, orderingFor } from "../../../core/query/shape"
import type { Row } from "../../../core/query/graph"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
import { CustomerEvents } from "../../../modules/customer/events"
import { ADDRESS_FIELDS, addressQuery } from "../../../modules/customer/address-query"
import type { CustomerService } from "../../../modules/customer/service"
import {
  createCustomerBody,
  customerAddressBody,
  customerEmail,
  customerProfile,
  updateCustomerAddressBody,
} from "../../store/customers/validators"

const customers = (scope: Scope) => scope.resolve("customerService")
const adminCustomerQuery = entityQuery(
  [
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
  ],
  {
    addresses: {
      many: true,
      target: () => ({ fields: ADDRESS_FIELDS, relations: {} }),
      load: async (rows, ctx) =>
        (await customers(ctx.scope).addressesByCustomer(rows.map((row) => row.id))) as unknown as Map<string, Row[]>,
    },
  },
)
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
const respondCustomer = (c: Context<AppEnv>, id: string, fields?: string) =>
  retrieveResponse(c, "customer", adminCustomerQuery, fields, () => customers(c.var.scope).retrieve(id))

/** An address change: the customer must exist, and the change is the customer's update. */
async function changeAddresses(
  c: Context<AppEnv>,
  change: (service: CustomerService, customerId: string) => Promise<unknown>,
) {
  const customerId = c.req.param("id")!
  await transaction(c.var.scope, async (tx) => {
    await customers(tx).retrieve(customerId)
    await change(customers(tx), customerId)
    await emitEvent(tx, CustomerEvents.UPDATED, { id: customerId })
  })
}

/** Medusa's /admin/customers: shoppers with and without accounts. */
export const adminCustomerRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = validateQuery(c, listCustomersQuery)
    const ordering = parseOrder(
      order,
      ["created_at", "updated_at", "email", "first_name", "last_name", "has_account", "id"],
      { field: "created_at", direction: "desc" },
    )
    return listResponse(c, "customers", adminCustomerQuery, { fields, limit, offset }, () =>
      customers(c.var.scope).list(filters, ordering, { limit, offset }),
    )
  })
  .post("/", async (c) => {
    const body = await validateBody(c, createCustomerBody)
    const { fields } = validateQuery(c, fieldsQuery)
    // A customer made by the merchant has no account: the shopper can still register with the email.
    const created = await transaction(c.var.scope, async (tx) => {
      const customer = await customers(tx).create({ ...body, has_account: false, created_by: c.var.auth!.actor_id })
      await emitEvent(tx, CustomerEvents.CREATED, { id: customer.id })
      return customer
    })
    return retrieveResponse(c, "customer", adminCustomerQuery, fields, async () => created)
  })
  .get("/:id", async (c) => {
    const { fields } = validateQuery(c, fieldsQuery)
    return retrieveResponse(c, "customer", adminCustomerQuery, fields, () =>
      customers(c.var.scope).retrieve(c.req.param("id")),
    )
  })
  .post("/:id", async (c) => {
    const body = await validateBody(c, updateCustomerBody)
    const { fields } = validateQuery(c, fieldsQuery)
    const updated = await transaction(c.var.scope, async (tx) => {
      const existing = await customers(tx).retrieve(c.req.param("id"))
      // A registered customer's email is their login; it changes only through the auth routes.
      if (body.email !== undefined && existing.has_account && body.email.toLowerCase() !== existing.email) {
        throw new MedusaError("invalid_data", "The email of a customer with an account cannot be changed here")
      }
      const customer = await customers(tx).update(existing.id, body)
      await emitEvent(tx, CustomerEvents.UPDATED, { id: customer.id })
      return customer
    })
    return retrieveResponse(c, "customer", adminCustomerQuery, fields, async () => updated)
  })
  .get("/:id/addresses", async (c) => {
    const { limit = 20, offset = 0, order, fields, ...dates } = validateQuery(c, z.object(listQuery))
    const customerId = c.req.param("id")
    return listResponse(c, "addresses", addressQuery, { fields, limit, offset }, async () => {
      await customers(c.var.scope).retrieve(customerId)
      return customers(c.var.scope).listAddresses(customerId, dates, orderingFor(addressQuery, order), {
        limit,
        offset,
      })
    })
  })
  .post("/:id/addresses", async (c) => {
    const body = await validateBody(c, customerAddressBody)
    await changeAddresses(c, (service, customerId) => service.addAddress(customerId, body))
    return respondCustomer(c, c.req.param("id"))
  })
  .get("/:id/addresses/:address_id", async (c) => {
    const { fields } = validateQuery(c, fieldsQuery)
    return retrieveResponse(c, "address", addressQuery, fields, () =>
      customers(c.var.scope).retrieveAddress(c.req.param("id"), c.req.param("address_id")),
    )
  })
  .post("/:id/addresses/:address_id", async (c) => {
    const { id: _id, ...body } = await validateBody(c, updateCustomerAddressBody)
    await changeAddresses(c, (service, customerId) =>
      service.updateAddress(customerId, c.req.param("address_id"), body),
    )
    return respondCustomer(c, c.req.param("id"))
  })
  .delete("/:id/addresses/:address_id", async (c) => {
    await changeAddresses(c, (service, customerId) => service.deleteAddress(customerId, c.req.param("address_id")))
    const parent = await customers(c.var.scope).retrieve(c.req.param("id"))
    return c.json({ id: c.req.param("address_id"), object: "customer_address", deleted: true, parent })
  })
  .delete("/:id", async (c) => {
    await transaction(c.var.scope, async (tx) => {
      await customers(tx).softDelete(c.req.param("id"))
      await tx.resolve("authService").unlinkActor("customer_id", c.req.param("id"))
      await emitEvent(tx, CustomerEvents.DELETED, { id: c.req.param("id") })
    })
    return c.json({ id: c.req.param("id"), object: "customer", deleted: true })
  })
