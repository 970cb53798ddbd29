import { z } from "zod"
import { listQuery, oneOrMany, retrieveQuery } from "../../../core/query/params"

// Medusa's admin/notifications/validators.ts, with the filters the dashboard's feed sends (to, channel).

export const listNotificationsQuery = z.object({
  ...listQuery,
  q: z.string().max(200).optional(),
  id: oneOrMany.optional(),
  to: oneOrMany.optional(),
  channel: oneOrMany.optional(),
  template: oneOrMany.optional(),
  status: z
    .union([z.enum(["pending", "success", "failure"]), z.array(z.enum(["pending", "success", "failure"]))], {
      error: "status must be pending, success or failure",
    })
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional(),
  trigger_type: oneOrMany.optional(),
  resource_id: oneOrMany.optional(),
  resource_type: oneOrMany.optional(),
  receiver_id: oneOrMany.optional(),
})

export const notificationFieldsQuery = z.object(retrieveQuery)
