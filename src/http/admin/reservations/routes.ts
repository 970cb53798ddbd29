import { Hono } from "hono"
import { z } from "zod"
import type { Scope } from "../../../core/container"
import { body, query } from "../../../core/input"
import { listQuery, oneOrMany, retrieveQuery } from "../../../core/query/params"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { entityQuery, orderingFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { metadata } from "../../../core/metadata"
import { createReservation, deleteReservation, updateReservation } from "../../../flows/inventory/reservations"
import type { FieldsContext } from "../products/validators"

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

const fieldsQuery = z.object(retrieveQuery)
const listReservationsQuery = z.object({
  ...listQuery,
  line_item_id: oneOrMany.optional(),
  inventory_item_id: oneOrMany.optional(),
  location_id: oneOrMany.optional(),
})

function reservationResponse(c: FieldsContext, id: string) {
  const { fields } = c.req.valid("query")
  return retrieveResponse(c, "reservation", reservationQuery, fields, () => reservations(c.var.scope).retrieve(id))
}

/** Medusa's /admin/reservations: stock held by hand, kept in step with each level's reserved quantity. */
export const adminReservationRoutes = new Hono<AppEnv>()
  .get("/", query(listReservationsQuery), async (c) => {
    const { limit = 20, offset = 0, order, fields, ...filters } = c.req.valid("query")
    return listResponse(c, "reservations", reservationQuery, { fields, limit, offset }, () =>
      reservations(c.var.scope).list(filters, orderingFor(reservationQuery, order), { limit, offset }),
    )
  })
  .post("/", body(createBody), query(fieldsQuery), async (c) => {
    const id = await createReservation(c.var.scope, c.req.valid("json"))
    return reservationResponse(c, id)
  })
  .get("/:id", query(fieldsQuery), (c) => reservationResponse(c, c.req.param("id")))
  .post("/:id", body(updateBody), query(fieldsQuery), async (c) => {
    await updateReservation(c.var.scope, c.req.param("id"), c.req.valid("json"))
    return reservationResponse(c, c.req.param("id"))
  })
  .delete("/:id", async (c) => {
    const id = c.req.param("id")
    await deleteReservation(c.var.scope, id)
    return c.json({ id, object: "reservation", deleted: true })
  })
