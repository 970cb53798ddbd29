import type Medusa from "@medusajs/js-sdk"
import Papa from "papaparse"
import { expect } from "vitest"

type Json = Record<string, any>

/**
 * One kind of Medusa export ("Order export", written as `<ts>-order-exports.csv`): its feed notices,
 * and a run of it that expects exactly one new notice whose private link serves the CSV.
 */
export function exportKind(admin: () => Medusa, title: string, fileStem: string) {
  const notices = async () => {
    const { notifications } = await admin().admin.notification.list({ channel: "feed", limit: 100 })
    return (notifications as Json[]).filter((n) => n.data?.title === title && n.resource_type === "file")
  }
  /** Starts the export; the CSV behind the new notice (header, rows by column) and its link. */
  const run = async (start: () => Promise<unknown>) => {
    const before = new Set((await notices()).map((n) => n.id))
    expect(await start()).toEqual({ transaction_id: expect.any(String) })
    const fresh = (await notices()).filter((n) => !before.has(n.id))
    expect(fresh).toHaveLength(1)
    const notice = fresh[0]!
    expect(notice.data).toMatchObject({
      title,
      description: `${title} completed successfully!`,
      file: { filename: expect.stringMatching(new RegExp(`^\\d+-${fileStem}\\.csv$`)), mimeType: "text/csv" },
    })
    const url = notice.data.file.url as string
    const res = await fetch(url)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toBe("text/csv")
    expect(res.headers.get("cache-control")).toBe("private, no-store")
    const csv = await res.text()
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    return { csv, url, header: parsed.meta.fields!, rows: parsed.data }
  }
  return { notices, run }
}
