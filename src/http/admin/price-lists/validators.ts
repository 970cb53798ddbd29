import { z } from "zod"
import { currencyCode, instant, moneyAmount } from "../../../core/schemas"
import { dateFilters, idList, listQuery, oneOrMany, retrieveQuery } from "../../../core/query/params"

// Medusa's admin/price-lists/validators.ts.

const STATUSES = ["active", "draft"] as const
const TYPES = ["sale", "override"] as const
const quantity = z.number().int().min(0).nullish()
const id = z.string().min(1)
/** a list's rules: attribute (e.g. customer.groups.id) → the values it allows */
const listRules = z.record(z.string().min(1), z.array(z.string().min(1)).max(1000))
/** a price's own rules, e.g. { region_id } */
const priceRules = z.record(z.string().min(1), z.string().min(1))

const priceInput = z.strictObject({
  currency_code: currencyCode,
  amount: moneyAmount,
  variant_id: id,
  min_quantity: quantity,
  max_quantity: quantity,
  rules: priceRules.optional(),
})

const priceUpdate = priceInput.partial().extend({ id, variant_id: id })

const startsBeforeEnds = <T extends { starts_at?: Date | null; ends_at?: Date | null }>(
  list: T,
  ctx: z.RefinementCtx,
) => {
  if (list.starts_at && list.ends_at && list.ends_at < list.starts_at)
    ctx.addIssue({ code: "custom", path: ["ends_at"], message: "must not be before starts_at" })
}

const listFields = {
  title: z.string().trim().min(1).max(500),
  description: z.string().max(5000).nullish(),
  starts_at: instant.nullish(),
  ends_at: instant.nullish(),
  status: z.enum(STATUSES).optional(),
  type: z.enum(TYPES).optional(),
  rules: listRules.optional(),
}

export const createPriceListBody = z
  .strictObject({ ...listFields, prices: z.array(priceInput).max(5000).optional() })
  .superRefine(startsBeforeEnds)

export const updatePriceListBody = z
  .strictObject({ ...listFields, title: listFields.title.optional() })
  .superRefine(startsBeforeEnds)

export const priceBatchBody = z.strictObject({
  create: z.array(priceInput).max(5000).optional(),
  update: z.array(priceUpdate).max(5000).optional(),
  delete: idList(5000).optional(),
})

export const removeProductsBody = z.strictObject({ remove: idList().optional() })

export const fieldsQuery = z.object(retrieveQuery)

export const listPriceListsQuery = z.object({
  ...listQuery,
  q: z.string().optional(),
  id: oneOrMany.optional(),
  status: oneOrMany.pipe(z.array(z.enum(STATUSES))).optional(),
  ...dateFilters,
})
