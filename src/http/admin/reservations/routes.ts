import { Hono, type Context } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { validateBody } from "../../../core/body"
import { listQuery, oneOrMany, retrieveQuery, validateQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { entityQuery, orderingFor } from "../../../core/query/shape"
import { transaction } from "../../../core/transaction"
import type { AppEnv } from "../../../core/types"
import { emitEvent } from "../../../infra/event-outbox-service"
import { metadata } from "../../../core/metadata"

const reservations = (scope: Scope) => scope.resolve("reservationService")

const reservationQuery = entityQuery([
  "line_item_id",
  "inventory_item_id",
  "location_id",
  "quantity",
  "allow_backorder",
  "description",
  "external_id",
  "metadata",
  "created_at",
  "updated_at",
  "deleted_at",
])

const units = z
  .number({ error: "must be a number" })
  .int({ error: "must be a whole number" })
  .positive({ error: "must be 1 or more" })
  .max(10_000_000)
const description = z.string().max(2000).nullish()

/** Medusa's AdminCreateReservation / AdminUpdateReservation. */
const createBody = z.strictObject({
  line_item_id: z.string().min(1).nullish(),
  inventory_item_id: z.string().min(1),
  location_id: z.string().min(1),
  quantity: units,
  description,
  metadata,
})
const updateBody = z.strictObject({
  location_id: z.string().min(1).optional(),
  quantity: units.optional(),
  description,
  metadata,
})

function reservationResponse(c: Context<AppEnv>, id: string) {
  const { fields } = validateQuery(c, z.object(retrieveQuery))
  return retrieveResponse(c, "reservation", reservationQuery, fields, () => reservations(c.var.scope).retrieve(id))
}

/** Medusa's /admin/reservations: stock held by hand, kept in step with each level's reserved quantity. */
export const adminReservationRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const {
      limit = 20,
      offset = 0,
      order,
      fields,
      ...filters
    } = validateQuery(
      c,
      z.object({
        ...listQuery,
        line_item_id: oneOrMany.optional(),
        inventory_item_id: oneOrMany.optional(),
        location_id: oneOrMany.optional(),
      }),
    )
    return listResponse(c, "reservations", reservationQuery, { fields, limit, offset }, () =>
      reservations(c.var.scope).list(filters, orderingFor(reservationQuery, order), { limit, offset }),
    )
  })
  .post("/", async (c) => {
    const body = await validateBody(c, createBody)
    const id = await transaction(c.var.scope, async (tx) => {
      await tx.resolve("inventoryService").retrieve(body.inventory_item_id)
      const created = await reservations(tx).create(body)
      await emitEvent(tx, "reservation-item.created", { id: created.id })
      return created.id
    })
    return reservationResponse(c, id)
  })
  .get("/:id", (c) => reservationResponse(c, c.req.param("id")))
  .post("/:id", async (c) => {
    const body = await validateBody(c, updateBody)
    await transaction(c.var.scope, async (tx) => {
      await reservations(tx).update(c.req.param("id"), body)
      await emitEvent(tx, "reservation-item.updated", { id: c.req.param("id") })
    })
    return reservationResponse(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    const id = c.req.param("id")
    await transaction(c.var.scope, async (tx) => {
      await reservations(tx).delete(id)
      await emitEvent(tx, "reservation-item.deleted", { id })
    })
    return c.json({ id, object: "reservation", deleted: true })
  })
