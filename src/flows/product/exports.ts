import type { Scope } from "../../core/container"
import { generateId } from "../../core/ids"
import { transaction } from "../../core/transaction"
import type { FileContext } from "../../modules/file/service"
import { writeProductCsv } from "./csv/write"

// Medusa's exportProductsWorkflow: the CSV stored as a private file, announced in the admin's notifications.

type Json = Record<string, unknown>
/** One page of the products to export, as the Admin API shapes them. */
export type ProductPage = (page: { limit: number; offset: number }) => Promise<Json[]>

const PAGE_SIZE = 100

/** Every product the filters match, page by page (each page's relations loaded in a few statements). */
async function allProducts(load: ProductPage): Promise<Json[]> {
  const products: Json[] = []
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await load({ limit: PAGE_SIZE, offset })
    products.push(...page)
    if (page.length < PAGE_SIZE) return products
  }
}

async function regionNames(scope: Scope): Promise<Map<string, string>> {
  const { rows } = await scope
    .resolve("regionService")
    .list({}, { field: "created_at", direction: "asc" }, { limit: 1000, offset: 0 })
  return new Map(rows.map((region) => [String(region.id), String(region.name)]))
}

/**
 * A generated CSV kept as a private file and announced on the admin's feed with its link, as
 * Medusa's export workflows do; the id answers as the export's transaction id.
 */
export function publishExport(
  scope: Scope,
  input: { filename: string; csv: string; title: string; description: string },
  context: FileContext,
) {
  return transaction(scope, async (tx) => {
    const [file] = await tx.resolve("fileModuleService").createFiles(
      [
        {
          filename: input.filename,
          mimeType: "text/csv",
          content: new TextEncoder().encode(input.csv),
          access: "private",
          generated: true,
        },
      ],
      context,
    )
    const id = generateId("export")
    await tx.resolve("notificationModuleService").createNotifications({
      to: "",
      channel: "feed",
      template: "admin-ui",
      data: {
        title: input.title,
        description: input.description,
        file: { filename: input.filename, url: file!.url, mimeType: "text/csv" },
      },
      idempotency_key: id,
      resource_id: file!.id,
      resource_type: "file",
    })
    return { transaction_id: id }
  })
}

/** POST /admin/products/export: every matching product, a row per variant. */
export async function exportProducts(scope: Scope, load: ProductPage, context: FileContext) {
  const csv = writeProductCsv(await allProducts(load), await regionNames(scope))
  return publishExport(
    scope,
    {
      filename: `${Date.now()}-product-exports.csv`,
      csv,
      title: "Product export",
      description: "Product export completed successfully!",
    },
    context,
  )
}
