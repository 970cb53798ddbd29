import { Hono } from "hono"
import { query } from "../../../core/input"
import { listResponse, retrieveResponse } from "../../../core/query/route"
import { orderingFor } from "../../../core/query/shape"
import type { AppEnv } from "../../../core/types"
import { adminNotificationQuery } from "../../../modules/notification/query-config"
import { listNotificationsQuery, notificationFieldsQuery } from "./validators"

/** Medusa's /admin/notifications: what was sent (or tried), newest first; read-only. */
export const adminNotificationRoutes = new Hono<AppEnv>()
  .get("/", query(listNotificationsQuery), async (c) => {
    const { limit = 50, offset = 0, order, fields, ...filters } = c.req.valid("query")
    const ordering = orderingFor(adminNotificationQuery, order, { field: "created_at", direction: "desc" })
    return listResponse(c, "notifications", adminNotificationQuery, { fields, limit, offset }, () =>
      c.var.scope.resolve("notificationService").list(filters, ordering, { limit, offset }),
    )
  })
  .get("/:id", query(notificationFieldsQuery), (c) =>
    retrieveResponse(c, "notification", adminNotificationQuery, c.req.valid("query").fields, () =>
      c.var.scope.resolve("notificationService").retrieve(c.req.param("id")),
    ),
  )
