import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { body, query } from "../../../core/input"
import { listQuery, oneOrMany } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { entityQuery, orderingFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import {
  createShippingOptionType,
  deleteShippingOptionType,
  updateShippingOptionType,
} from "../../../flows/fulfillment/shipping-option-types"
import { type FieldsContext, retrieveQuery } from "../products/validators"

const types = (scope: Scope) => scope.resolve("shippingOptionTypeService")

/** Medusa's defaultAdminShippingOptionTypeFields. */
export const adminShippingOptionTypeQuery = entityQuery([
  "label",
  "code",
  "description",
  "created_at",
  "updated_at",
  "deleted_at",
])

const listTypesQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  label: oneOrMany.optional(),
  code: oneOrMany.optional(),
})
const text = z.string().min(1).max(200)
const createTypeBody = z.strictObject({ label: text, code: text, description: z.string().max(2000).nullish() })
const updateTypeBody = z.strictObject({
  label: text.optional(),
  code: text.optional(),
  description: createTypeBody.shape.description,
})

const respond = (c: FieldsContext, id: string) =>
  retrieveResponse(c, "shipping_option_type", adminShippingOptionTypeQuery, c.req.valid("query").fields, () =>
    types(c.var.scope).retrieve(id),
  )

/** Medusa's /admin/shipping-option-types (2.10+): the types the dashboard's shipping option forms pick from. */
export const adminShippingOptionTypeRoutes = new Hono<AppEnv>()
  .get("/", query(listTypesQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    return listResponse(c, "shipping_option_types", adminShippingOptionTypeQuery, { fields, limit, offset }, () =>
      types(c.var.scope).list(filters, orderingFor(adminShippingOptionTypeQuery, order), { limit, offset }),
    )
  })
  .post("/", body(createTypeBody), query(retrieveQuery), async (c) =>
    respond(c, await createShippingOptionType(c.var.scope, c.req.valid("json"))),
  )
  .get("/:id", query(retrieveQuery), (c) => respond(c, c.req.param("id")))
  .post("/:id", body(updateTypeBody), query(retrieveQuery), async (c) => {
    await updateShippingOptionType(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return respond(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    await deleteShippingOptionType(c.var.scope, c.req.param("id"))
    return c.json({ id: c.req.param("id"), object: "shipping_option_type", deleted: true })
  })
