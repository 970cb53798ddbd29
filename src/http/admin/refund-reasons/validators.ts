import { z } from "zod"
import { metadata } from "../../../core/metadata"
import { listQuery, oneOrMany } from "../../../core/query/params"

// Medusa's admin/refund-reasons/validators.ts (AdminCreateRefundReason / AdminUpdateRefundReason):
// label and code required on create; the dashboard's forms send { label, code, description }.

const label = z.string().trim().min(1).max(200)
const code = z.string().trim().min(1).max(200)
const fields = {
  label,
  code,
  description: z.string().max(2000).nullish(),
  metadata,
}

export const createRefundReasonBody = z.strictObject(fields)
export const updateRefundReasonBody = z.strictObject({ ...fields, label: label.optional(), code: code.optional() })

export const listRefundReasonsQuery = z.object({
  ...listQuery,
  q: z.string().max(200).optional(),
  id: oneOrMany.optional(),
  code: oneOrMany.optional(),
})
