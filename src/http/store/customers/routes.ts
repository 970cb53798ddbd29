import { Hono, type Context } from "hono"
import { createMiddleware } from "hono/factory"
import { z } from "zod"
import { authenticate } from "../../middlewares/authenticate"
import { MedusaError } from "../../../core/errors"
import { body, query } from "../../../core/input"
import { listQuery } from "../../../core/query/params"
import { listResponse } from "../../../core/query/route"
import { selectJson } from "../../../core/query/select-json"
import { orderingFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { createCustomerAccount, updateCustomer } from "../../../flows/customer/customer"
import {
  createCustomerAddress,
  deleteCustomerAddress,
  updateCustomerAddress,
} from "../../../flows/customer/customer-address"
import { ordersJson } from "../../../flows/order/order-view"
import { addressQuery } from "../../../modules/customer/address-query"
import { createCustomerBody, customerAddressBody, customerProfile, updateCustomerAddressBody } from "./validators"

const updateCustomerBody = z.strictObject(customerProfile)
const fieldsQuery = z.object({ fields: z.string().optional() })
/** A route answering `{ customer }`: its `fields` already validated. */
// biome-ignore lint/suspicious/noExplicitAny: any path, since the helper serves every customer route
type CustomerContext = Context<AppEnv, any, { out: { query: z.output<typeof fieldsQuery> } }>

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

async function respondCustomer(c: CustomerContext, customerId: string) {
  const { fields } = c.req.valid("query")
  return c.json({ customer: selectJson(await customerJson(c, customerId, fields), fields) })
}

/** A token already linked to a customer cannot register another (checked before the body). */
const notYetACustomer = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.auth!.actor_id) throw new MedusaError("invalid_data", "Request already authenticated as a customer.")
  await next()
})

export const storeCustomerRoutes = new Hono<AppEnv>()
  .post(
    "/",
    authenticate("customer", { allowUnregistered: true }),
    notYetACustomer,
    body(createCustomerBody),
    query(fieldsQuery),
    async (c) => {
      const created = await createCustomerAccount(c.var.scope, c.var.auth!.auth_identity_id, c.req.valid("json"))
      return respondCustomer(c, created.id)
    },
  )
  .use("/me", authenticate("customer"))
  .use("/me/*", authenticate("customer"))
  .get("/me", query(fieldsQuery), (c) => respondCustomer(c, me(c)))
  .post("/me", body(updateCustomerBody), query(fieldsQuery), async (c) => {
    await updateCustomer(c.var.scope, me(c), c.req.valid("json"))
    return respondCustomer(c, me(c))
  })
  .get("/me/addresses", query(z.object(listQuery)), async (c) => {
    const { limit = 50, offset = 0, order, fields, ...dates } = c.req.valid("query")
    return listResponse(c, "addresses", addressQuery, { fields, limit, offset }, () =>
      customers(c).listAddresses(me(c), dates, orderingFor(addressQuery, order), { limit, offset }),
    )
  })
  .post("/me/addresses", body(customerAddressBody), query(fieldsQuery), async (c) => {
    await createCustomerAddress(c.var.scope, me(c), c.req.valid("json"), "customer")
    return respondCustomer(c, me(c))
  })
  .get("/me/addresses/:address_id", async (c) =>
    c.json({ address: await customers(c).retrieveAddress(me(c), c.req.param("address_id")) }),
  )
  .post("/me/addresses/:address_id", body(updateCustomerAddressBody), query(fieldsQuery), async (c) => {
    const { id: _id, ...input } = c.req.valid("json")
    await updateCustomerAddress(c.var.scope, me(c), c.req.param("address_id"), input, "customer")
    return respondCustomer(c, me(c))
  })
  .delete("/me/addresses/:address_id", async (c) => {
    await deleteCustomerAddress(c.var.scope, me(c), c.req.param("address_id"), "customer")
    // Medusa answers with the customer's id as `id`.
    return c.json({ id: me(c), object: "address", deleted: true, parent: await customerJson(c, me(c)) })
  })
