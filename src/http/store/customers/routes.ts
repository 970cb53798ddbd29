import { Hono, type Context } from "hono"
import { z } from "zod"
import { authenticate } from "../../../core/auth/middleware"
import { validateBody } from "../../../core/body"
import { MedusaError } from "../../../core/errors"
import { listQuery, validateQuery } from "../../../core/query/params"
import { listResponse } from "../../../core/query/route"
import { selectJson } from "../../../core/query/select-json"
import { orderingFor } from "../../../core/query/shape"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
import { ordersJson } from "../../../flows/order/order-view"
import { CustomerEvents } from "../../../modules/customer/events"
import { addressQuery } from "../../../modules/customer/address-query"
import { createCustomerBody, customerAddressBody, customerProfile, updateCustomerAddressBody } from "./validators"

const updateCustomerBody = z.strictObject(customerProfile)
const fieldsQuery = z.object({ fields: z.string().optional() })

const customers = (c: Context<AppEnv>) => c.var.scope.resolve("customerService")
const me = (c: Context<AppEnv>) => c.var.auth!.actor_id

/** `{ customer }` with its addresses, and its latest orders when `fields` asks for them (`*orders`). */
async function customerJson(c: Context<AppEnv>, customerId: string, fields?: string) {
  const service = customers(c)
  const customer = await service.retrieve(customerId)
  const addresses = await service.addresses([customer.id])
  const { created_by: _by, deleted_at: _deleted, ...columns } = customer
  const json: Record<string, unknown> = { ...columns, addresses }
  if (/(^|,)\s*[+*]*orders\b/.test(fields ?? "")) {
    const orders = c.var.scope.resolve("orderService")
    const { rows } = await orders.listForCustomer(
      customer.id,
      {},
      { field: "created_at", direction: "desc" },
      { limit: 50, offset: 0 },
    )
    json.orders = await ordersJson(c.var.scope, rows)
  }
  return json
}

async function respondCustomer(c: Context<AppEnv>, customerId: string) {
  const { fields } = validateQuery(c, fieldsQuery)
  return c.json({ customer: selectJson(await customerJson(c, customerId, fields), fields) })
}

export const storeCustomerRoutes = new Hono<AppEnv>()
  .post("/", authenticate("customer", { allowUnregistered: true }), async (c) => {
    if (c.var.auth!.actor_id) throw new MedusaError("invalid_data", "Request already authenticated as a customer.")
    const body = await validateBody(c, createCustomerBody)
    const customerId = await transaction(c.var.scope, async (tx) => {
      const created = await tx.resolve("customerService").create({ ...body, has_account: true })
      await tx.resolve("authService").linkActor(c.var.auth!.auth_identity_id, { customer_id: created.id })
      await emitEvent(tx, CustomerEvents.CREATED, { id: created.id })
      return created.id
    })
    return respondCustomer(c, customerId)
  })
  .use("/me", authenticate("customer"))
  .use("/me/*", authenticate("customer"))
  .get("/me", (c) => respondCustomer(c, me(c)))
  .post("/me", async (c) => {
    const body = await validateBody(c, updateCustomerBody)
    await transaction(c.var.scope, async (tx) => {
      await tx.resolve("customerService").update(me(c), body)
      await emitEvent(tx, CustomerEvents.UPDATED, { id: me(c) })
    })
    return respondCustomer(c, me(c))
  })
  .get("/me/addresses", async (c) => {
    const { limit = 50, offset = 0, order, fields, ...dates } = validateQuery(c, z.object(listQuery))
    return listResponse(c, "addresses", addressQuery, { fields, limit, offset }, () =>
      customers(c).listAddresses(me(c), dates, orderingFor(addressQuery, order), { limit, offset }),
    )
  })
  .post("/me/addresses", async (c) => {
    const body = await validateBody(c, customerAddressBody)
    await transaction(c.var.scope, (tx) => tx.resolve("customerService").addAddress(me(c), body))
    return respondCustomer(c, me(c))
  })
  .get("/me/addresses/:address_id", async (c) =>
    c.json({ address: await customers(c).retrieveAddress(me(c), c.req.param("address_id")) }),
  )
  .post("/me/addresses/:address_id", async (c) => {
    const body = await validateBody(c, updateCustomerAddressBody)
    const { id: _id, ...input } = body
    await transaction(c.var.scope, (tx) =>
      tx.resolve("customerService").updateAddress(me(c), c.req.param("address_id"), input),
    )
    return respondCustomer(c, me(c))
  })
  .delete("/me/addresses/:address_id", async (c) => {
    await transaction(c.var.scope, (tx) =>
      tx.resolve("customerService").deleteAddress(me(c), c.req.param("address_id")),
    )
    // Medusa answers with the customer's id as `id`.
    return c.json({ id: me(c), object: "address", deleted: true, parent: await customerJson(c, me(c)) })
  })
