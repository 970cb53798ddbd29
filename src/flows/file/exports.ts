import type { Scope } from "../../core/container"
import { generateId } from "../../core/ids"
import { transaction } from "../../core/transaction"
import type { FileContext } from "../../modules/file/service"

type Json = Record<string, unknown>
/** One page of what an export writes, as the Admin API shapes it. */
export type ExportPage = (page: { limit: number; offset: number }) => Promise<Json[]>

const PAGE_SIZE = 100

/** Every row the export's filters match, page by page (each page's relations loaded in a few statements). */
export async function allPages(load: ExportPage): Promise<Json[]> {
  const rows: Json[] = []
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await load({ limit: PAGE_SIZE, offset })
    rows.push(...page)
    if (page.length < PAGE_SIZE) return rows
  }
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
