import type { z } from "zod"
import type { Scope } from "../../core/container"
import { MedusaError } from "../../core/errors"
import { fromPostgresError } from "../../core/postgres-errors"
import { transaction } from "../../core/transaction"
import { formatZodError } from "../../core/validation"
import type { FileContext } from "../../modules/file/service"
import { type CsvPrice, type CsvProduct, readProductCsv } from "./csv/read"
import {
  type CreateProductBody,
  type CreateVariantBody,
  createProductBody,
  createVariantBody,
  type UpdateProductBody,
  type UpdateVariantBody,
  updateProductBody,
  updateVariantBody,
} from "./inputs"
import { allRegions } from "./exports"
import { changeProduct, insertProduct } from "./products"
import { addVariants, changeVariant } from "./variants"

// Medusa's importProductsAsChunksWorkflow: a CSV previewed (validated, counted) and, once confirmed, applied.

/** What a confirmation applies, each entry with the CSV row its errors name. */
interface ImportPlan {
  create: { row: number; body: CreateProductBody }[]
  update: {
    row: number
    id: string
    body: UpdateProductBody
    variants: { row: number; id?: string; body: CreateVariantBody | UpdateVariantBody }[]
  }[]
}

const invalid = (message: string) => new MedusaError("invalid_data", message)

function parsed<S extends z.ZodType>(schema: S, row: number, value: unknown): z.output<S> {
  const result = schema.safeParse(value)
  if (!result.success) throw invalid(`Row ${row}: ${formatZodError(result.error)}`)
  return result.data
}

/** A tag cell is a tag's id (as Medusa's import takes it) or its value (as its export writes it). */
const tagOf = (cell: string) => (/^ptag_/.test(cell) ? { id: cell } : { value: cell })

/** The product's own fields and links, as a create or update body has them. */
function productFieldsOf(product: CsvProduct) {
  const { id: _id, ...fields } = product.fields
  const lists = {
    images: product.images.map((url) => ({ url })),
    tags: product.tags.map(tagOf),
    categories: product.categories.map((id) => ({ id })),
    sales_channels: product.sales_channels.map((id) => ({ id })),
  }
  return { ...fields, ...Object.fromEntries(Object.entries(lists).filter(([, list]) => list.length > 0)) }
}

function pricesOf(row: number, prices: CsvPrice[], regions: Map<string, string>) {
  return prices.map((price) => {
    if (!price.region) return { currency_code: price.currency_code, amount: Number(price.amount) }
    const region_id = regions.get(price.region.toLowerCase())
    if (!region_id) throw invalid(`Row ${row}: Region with name "${price.region}" not found`)
    return { currency_code: price.currency_code, amount: Number(price.amount), rules: { region_id } }
  })
}

/** The CSV's products as validated bodies: new ones by handle, changes by id. */
function planOf(products: CsvProduct[], regions: Map<string, string>): ImportPlan {
  const plan: ImportPlan = { create: [], update: [] }
  for (const product of products) {
    const id = product.fields.id as string | undefined
    const variants = product.variants.map((variant) => {
      const { id: variantId, ...fields } = variant.fields
      const given = { ...fields, ...(Object.keys(variant.options).length ? { options: variant.options } : {}) }
      const prices = pricesOf(variant.row, variant.prices, regions)
      return { row: variant.row, id: variantId as string | undefined, given, prices }
    })
    if (!id) {
      const stray = variants.find((variant) => variant.id)
      if (stray) throw invalid(`Row ${stray.row}: A new product's variant cannot have a Variant Id`)
      const body = parsed(createProductBody, product.row, {
        ...productFieldsOf(product),
        options: [...product.options].map(([title, values]) => ({ title, values })),
      })
      body.variants = variants.map((variant) =>
        parsed(createVariantBody, variant.row, { ...variant.given, prices: variant.prices }),
      )
      plan.create.push({ row: product.row, body })
      continue
    }
    plan.update.push({
      row: product.row,
      id,
      body: parsed(updateProductBody, product.row, productFieldsOf(product)),
      variants: variants.map((variant) => {
        const input = { ...variant.given, ...(variant.prices.length ? { prices: variant.prices } : {}) }
        return variant.id
          ? { row: variant.row, id: variant.id, body: parsed(updateVariantBody, variant.row, input) }
          : { row: variant.row, body: parsed(createVariantBody, variant.row, input) }
      }),
    })
  }
  return plan
}

/** `work`'s refusal, naming the CSV row it came from; anything unexpected passes as it is. */
async function atRow<T>(row: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    const known = error instanceof MedusaError ? error : fromPostgresError(error)
    if (!known || known.type === "conflict" || known.type === "database_error") throw error
    throw new MedusaError(known.type, `Row ${row}: ${known.message}`, known.code)
  }
}

/** Step: every product of the plan created or changed, in the transaction it is given. */
async function applyPlan(tx: Scope, plan: ImportPlan) {
  for (const entry of plan.create) await atRow(entry.row, () => insertProduct(tx, entry.body))
  for (const entry of plan.update) {
    await atRow(entry.row, async () => {
      await tx.resolve("productService").retrieve(entry.id)
      if (Object.keys(entry.body).length > 0) await changeProduct(tx, entry.id, entry.body)
    })
    for (const variant of entry.variants)
      await atRow<unknown>(variant.row, () =>
        variant.id
          ? changeVariant(tx, entry.id, variant.id, variant.body as UpdateVariantBody)
          : addVariants(tx, entry.id, [variant.body as CreateVariantBody]),
      )
  }
}

class Rehearsed extends Error {}

/** The plan applied and rolled back: whatever the database would refuse on confirmation is refused now. */
async function rehearse(scope: Scope, plan: ImportPlan) {
  try {
    await transaction(scope, async (tx) => {
      await applyPlan(tx, plan)
      throw new Rehearsed()
    })
  } catch (error) {
    if (!(error instanceof Rehearsed)) throw error
  }
}

function decoded(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes)
  } catch {
    throw invalid("The file is not UTF-8 text")
  }
}

/**
 * POST /admin/products/imports: the uploaded CSV read, validated and rehearsed against the
 * database; nothing of it is kept but the plan, waiting for its confirmation.
 */
export async function previewProductImport(
  scope: Scope,
  input: { file_key: string; originalname: string },
  actorId: string | undefined,
  context: FileContext,
) {
  const found = await scope.resolve("fileModuleService").contents(input.file_key, context)
  if (!found) throw new MedusaError("not_found", `File with key: ${input.file_key} was not found`)
  const { products } = readProductCsv(decoded(found.bytes))
  const regions = new Map((await allRegions(scope)).map((region) => [region.name.toLowerCase(), region.id]))
  const plan = planOf(products, regions)
  await rehearse(scope, plan)
  const created = await scope.resolve("productImportService").create({
    filename: input.originalname,
    file_key: input.file_key,
    plan,
    to_create: plan.create.length,
    to_update: plan.update.length,
    created_by: actorId,
  })
  return { transaction_id: created.id, summary: { toCreate: created.to_create, toUpdate: created.to_update } }
}

/**
 * POST /admin/products/imports/:transaction_id/confirm: the plan applied in one transaction, all of
 * it or (with the row that failed named) none; a second confirmation finds it done and changes nothing.
 */
export function confirmProductImport(scope: Scope, id: string) {
  return transaction(scope, async (tx) => {
    const imports = tx.resolve("productImportService")
    const found = await imports.lockForConfirmation(id)
    if (found.status === "completed") return
    await applyPlan(tx, found.plan as ImportPlan)
    await imports.markCompleted(id)
    await tx.resolve("notificationModuleService").createNotifications({
      to: "",
      channel: "feed",
      template: "admin-ui",
      data: {
        title: "Product import",
        description: `Product import of file ${found.filename} completed successfully!`,
      },
      idempotency_key: `product-import:${id}`,
      resource_id: id,
      resource_type: "product_import",
    })
  })
}
