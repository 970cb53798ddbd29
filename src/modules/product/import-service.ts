import { and, eq, sql } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import type { Db } from "../../infra/db"
import { productImport } from "./schema"

export type ProductImport = typeof productImport.$inferSelect

/** How long a previewed import waits for its confirmation, as Medusa's import workflow does. */
const CONFIRM_WITHIN_MS = 60 * 60 * 1000

/** Previewed CSV imports waiting for their confirmation; the only writer of product_import. */
export class ProductImportService {
  constructor(private readonly db: Db) {}

  async create(input: {
    filename: string
    file_key: string
    plan: unknown
    to_create: number
    to_update: number
    created_by?: string
  }): Promise<ProductImport> {
    const [created] = await this.db
      .insert(productImport)
      .values({
        id: generateId("pimp"),
        status: "awaiting_confirmation",
        expires_at: new Date(Date.now() + CONFIRM_WITHIN_MS),
        ...input,
      })
      .returning()
    return created!
  }

  /** The import, locked until the transaction ends: one confirmation applies it, however many arrive at once. */
  async lockForConfirmation(id: string): Promise<ProductImport> {
    const [found] = await this.db
      .select()
      .from(productImport)
      .where(and(eq(productImport.id, id), sql`${productImport.deleted_at} is null`))
      .for("update")
    if (!found) throw new MedusaError("not_found", `Product import with id: ${id} was not found`)
    if (found.status === "awaiting_confirmation" && found.expires_at.getTime() < Date.now())
      throw new MedusaError("not_allowed", `Product import ${id} expired: upload the file again`)
    return found
  }

  async markCompleted(id: string): Promise<void> {
    await this.db
      .update(productImport)
      .set({ status: "completed", completed_at: sql`now()`, updated_at: sql`now()` })
      .where(eq(productImport.id, id))
  }
}
