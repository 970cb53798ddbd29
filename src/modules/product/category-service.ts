import { and, asc, eq, inArray, isNull, like, or, sql, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { inOrNull, searchAny } from "../../core/query/filters"
import { groupBy, type Row } from "../../core/query/graph"
import { listPage, orderBy, type Page, type DateFilters } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import { productCategory } from "./schema"
import { visibleCategory } from "./service"

export interface CategoryFilters {
  id?: string[]
  handle?: string[]
  name?: string[]
  description?: string[]
  /** "null" selects the top-level categories */
  parent_category_id?: string[]
  q?: string
}

export type Category = typeof productCategory.$inferSelect

/** Product categories, a tree kept as materialised paths (`mpath`). */
export class ProductCategoryService {
  constructor(
    private readonly db: Db,
    /** storefronts see active, public categories only, at every level of the tree */
    private readonly visibleOnly: boolean,
  ) {}

  async list(filters: CategoryFilters & DateFilters, ordering: Ordering, page: Page) {
    return listPage(
      this.db,
      productCategory,
      this.where(filters),
      orderBy(productCategory, ordering, productCategory.id),
      page,
      filters,
    )
  }

  async retrieve(id: string): Promise<Category> {
    const [found] = await this.db
      .select()
      .from(productCategory)
      .where(and(eq(productCategory.id, id), this.visible()))
    if (!found) throw new MedusaError("not_found", `Product category with id: ${id} was not found`)
    return found
  }

  async byIds(ids: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select()
      .from(productCategory)
      .where(and(inArray(productCategory.id, ids), this.visible()))
    return groupBy(rows, "id")
  }

  async childrenOf(parentIds: string[]): Promise<Map<string, Row[]>> {
    const rows = await this.db
      .select()
      .from(productCategory)
      .where(and(inArray(productCategory.parent_category_id, parentIds), this.visible()))
      .orderBy(asc(productCategory.rank), asc(productCategory.id))
    return groupBy(rows, "parent_category_id")
  }

  /** Every category below the given ones, in one statement (their mpath starts with ours). */
  async descendantsOf(categories: Pick<Category, "mpath">[]): Promise<Category[]> {
    if (categories.length === 0) return []
    return this.db
      .select()
      .from(productCategory)
      .where(
        and(or(...categories.map((category) => like(productCategory.mpath, `${category.mpath}.%`))), this.visible()),
      )
      .orderBy(asc(productCategory.rank), asc(productCategory.id))
  }

  /** Every category above the given ones, read off their mpaths. */
  async ancestorsOf(categories: Pick<Category, "mpath" | "id">[]): Promise<Category[]> {
    const ids = [
      ...new Set(categories.flatMap((category) => category.mpath.split(".").filter((id) => id !== category.id))),
    ]
    if (ids.length === 0) return []
    return this.db
      .select()
      .from(productCategory)
      .where(and(inArray(productCategory.id, ids), this.visible()))
  }

  async create(input: {
    name: string
    handle: string
    description?: string
    parent_category_id?: string | null
    rank?: number
    is_active?: boolean
    is_internal?: boolean
  }) {
    const id = generateId("pcat")
    const parent = input.parent_category_id
      ? (
          await this.db
            .select({ mpath: productCategory.mpath })
            .from(productCategory)
            .where(eq(productCategory.id, input.parent_category_id))
        )[0]
      : undefined
    if (input.parent_category_id && !parent)
      throw new MedusaError("not_found", `Product category with id: ${input.parent_category_id} was not found`)
    const [created] = await this.db
      .insert(productCategory)
      .values({ ...input, id, mpath: parent ? `${parent.mpath}.${id}` : id, description: input.description ?? "" })
      .returning()
    return created!
  }

  async update(
    id: string,
    input: {
      name?: string
      handle?: string
      description?: string
      is_active?: boolean
      is_internal?: boolean
      rank?: number
      metadata?: Record<string, unknown> | null
    },
  ) {
    await this.retrieve(id)
    const [updated] = await this.db
      .update(productCategory)
      .set({ ...input, updated_at: sql`now()` })
      .where(eq(productCategory.id, id))
      .returning()
    return updated!
  }

  /** Soft delete; a category with live children is refused, as moving them is the merchant's call. */
  async softDelete(id: string) {
    await this.retrieve(id)
    const [child] = await this.db
      .select({ id: productCategory.id })
      .from(productCategory)
      .where(and(eq(productCategory.parent_category_id, id), isNull(productCategory.deleted_at)))
      .limit(1)
    if (child)
      throw new MedusaError("not_allowed", `Deleting ProductCategory (${id}) with category children is not allowed`)
    await this.db.update(productCategory).set({ deleted_at: sql`now()` }).where(eq(productCategory.id, id))
  }

  private visible(): SQL | undefined {
    return this.visibleOnly ? visibleCategory : isNull(productCategory.deleted_at)
  }

  private where(filters: CategoryFilters): SQL | undefined {
    const conditions: (SQL | undefined)[] = [this.visible()]
    if (filters.id) conditions.push(inArray(productCategory.id, filters.id))
    if (filters.handle) conditions.push(inArray(productCategory.handle, filters.handle))
    if (filters.name) conditions.push(inArray(productCategory.name, filters.name))
    if (filters.description) conditions.push(inArray(productCategory.description, filters.description))
    if (filters.q)
      conditions.push(searchAny([productCategory.name, productCategory.handle, productCategory.description], filters.q))
    if (filters.parent_category_id)
      conditions.push(inOrNull(productCategory.parent_category_id, filters.parent_category_id))
    return and(...conditions)
  }
}
