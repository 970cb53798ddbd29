import { z } from "zod"
import { metadata } from "../../../core/metadata"
import { listQuery, oneOrMany } from "../../../core/query/params"

// Medusa's admin/return-reasons/validators.ts.

const value = z.string().trim().min(1).max(200)
const label = z.string().trim().min(1).max(200)
const fields = {
  value,
  label,
  description: z.string().max(2000).nullish(),
  parent_return_reason_id: z.string().min(1).nullish(),
  metadata,
}

export const createReturnReasonBody = z.strictObject(fields)
export const updateReturnReasonBody = z.strictObject({ ...fields, value: value.optional(), label: label.optional() })

export const listReturnReasonsQuery = z.object({
  ...listQuery,
  q: z.string().max(200).optional(),
  id: oneOrMany.optional(),
  value: oneOrMany.optional(),
  parent_return_reason_id: oneOrMany.optional(),
})
