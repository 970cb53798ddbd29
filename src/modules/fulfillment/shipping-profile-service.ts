import { and, eq, inArray, isNull, type SQL } from "drizzle-orm"
import type { Ordering } from "../../core/query/params"
import { MedusaError } from "../../core/errors"
import { searchAny } from "../../core/query/filters"
import { listPage, type Page, orderBy, type DateFilters } from "../../core/query/page"
import type { Db } from "../../infra/db"
import { shippingOption, shippingProfile } from "./schema"

/** The Admin API's shipping profiles (created through FulfillmentService.createShippingProfile). */
export class ShippingProfileService {
  constructor(private readonly db: Db) {}

  async list(
    filters: { id?: string[]; q?: string; name?: string[]; type?: string[] } & DateFilters,
    ordering: Ordering,
    page: Page,
  ) {
    const conditions: (SQL | undefined)[] = [isNull(shippingProfile.deleted_at)]
    if (filters.id) conditions.push(inArray(shippingProfile.id, filters.id))
    if (filters.name) conditions.push(inArray(shippingProfile.name, filters.name))
    if (filters.type) conditions.push(inArray(shippingProfile.type, filters.type))
    if (filters.q) conditions.push(searchAny([shippingProfile.name], filters.q))
    return listPage(
      this.db,
      shippingProfile,
      and(...conditions),
      orderBy(shippingProfile, ordering, shippingProfile.id),
      page,
      filters,
    )
  }

  async retrieve(id: string) {
    const [found] = await this.db
      .select()
      .from(shippingProfile)
      .where(and(eq(shippingProfile.id, id), isNull(shippingProfile.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Shipping profile with id: ${id} was not found`)
    return found
  }

  async byIds(ids: string[]) {
    if (ids.length === 0) return []
    return this.db.select().from(shippingProfile).where(inArray(shippingProfile.id, ids))
  }

  async update(id: string, input: { name?: string; type?: string; metadata?: Record<string, unknown> | null }) {
    await this.retrieve(id)
    const [updated] = await this.db
      .update(shippingProfile)
      .set({ ...input, updated_at: new Date() })
      .where(eq(shippingProfile.id, id))
      .returning()
    return updated!
  }

  /** Soft delete; refused while live shipping options use the profile (Medusa's rule and message). */
  async softDelete(id: string) {
    await this.retrieve(id)
    const [option] = await this.db
      .select({ id: shippingOption.id })
      .from(shippingOption)
      .where(and(eq(shippingOption.shipping_profile_id, id), isNull(shippingOption.deleted_at)))
      .limit(1)
    if (option) {
      throw new MedusaError(
        "invalid_data",
        `Cannot delete Shipping Profiles ${id} with associated Shipping Options. Delete Shipping Options first and try again.`,
      )
    }
    await this.db.update(shippingProfile).set({ deleted_at: new Date() }).where(eq(shippingProfile.id, id))
  }
}
