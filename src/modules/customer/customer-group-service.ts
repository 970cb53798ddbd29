import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { searchAny } from "../../core/query/filters"
import { listPage, orderBy, type DateFilters, type Page } from "../../core/query/page"
import type { Ordering } from "../../core/query/params"
import type { Db } from "../../infra/db"
import { customer, customerGroup, customerGroupCustomer } from "./schema"

export type CustomerGroup = typeof customerGroup.$inferSelect
export type CustomerGroupInput = {
  name: string
  metadata?: Record<string, unknown> | null
  created_by?: string | null
}

export interface CustomerGroupFilters extends DateFilters {
  id?: string[]
  name?: string[]
  q?: string
  /** groups having any of these customers */
  customer_id?: string[]
}

/** Customer groups and their members: the only writer of customer_group and customer_group_customer. */
export class CustomerGroupService {
  constructor(private readonly db: Db) {}

  /** A new group; a name a live group has is Medusa's duplicate error. */
  async create(input: CustomerGroupInput): Promise<CustomerGroup> {
    const [created] = await this.db
      .insert(customerGroup)
      .values({ id: generateId("cusgroup"), ...input })
      .onConflictDoNothing({ target: customerGroup.name, where: sql`deleted_at is null` })
      .returning()
    if (!created) throw this.duplicate(input.name)
    return created
  }

  async retrieve(id: string): Promise<CustomerGroup> {
    const [found] = await this.db
      .select()
      .from(customerGroup)
      .where(and(eq(customerGroup.id, id), isNull(customerGroup.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Customer group with id: ${id} was not found`)
    return found
  }

  async list(filters: CustomerGroupFilters, ordering: Ordering, page: Page) {
    const conditions: (SQL | undefined)[] = [isNull(customerGroup.deleted_at)]
    if (filters.id) conditions.push(inArray(customerGroup.id, filters.id))
    if (filters.name) conditions.push(inArray(customerGroup.name, filters.name))
    if (filters.q) conditions.push(searchAny([customerGroup.name], filters.q))
    if (filters.customer_id)
      conditions.push(
        inArray(
          customerGroup.id,
          this.db
            .select({ id: customerGroupCustomer.customer_group_id })
            .from(customerGroupCustomer)
            .where(inArray(customerGroupCustomer.customer_id, filters.customer_id)),
        ),
      )
    return listPage(
      this.db,
      customerGroup,
      and(...conditions),
      orderBy(customerGroup, ordering, customerGroup.id),
      page,
      filters,
    )
  }

  async update(id: string, input: Partial<Omit<CustomerGroupInput, "created_by">>): Promise<CustomerGroup> {
    await this.retrieve(id)
    if (input.name !== undefined) {
      const [clash] = await this.db
        .select({ id: customerGroup.id })
        .from(customerGroup)
        .where(
          and(eq(customerGroup.name, input.name), isNull(customerGroup.deleted_at), sql`${customerGroup.id} <> ${id}`),
        )
      if (clash) throw this.duplicate(input.name)
    }
    const [updated] = await this.db
      .update(customerGroup)
      .set({ ...input, updated_at: sql`now()` })
      .where(eq(customerGroup.id, id))
      .returning()
    return updated!
  }

  /** Soft delete: the group's name is free again and it has no members any more. */
  async softDelete(id: string) {
    await this.retrieve(id)
    await this.db.update(customerGroup).set({ deleted_at: sql`now()` }).where(eq(customerGroup.id, id))
    await this.db.delete(customerGroupCustomer).where(eq(customerGroupCustomer.customer_group_id, id))
  }

  /** Memberships added (already present ones are kept); every customer and group must exist. */
  async addCustomers(pairs: { customer_group_id: string; customer_id: string }[], createdBy?: string | null) {
    if (pairs.length === 0) return
    await this.requireGroups([...new Set(pairs.map((pair) => pair.customer_group_id))])
    await this.requireCustomers([...new Set(pairs.map((pair) => pair.customer_id))])
    await this.db
      .insert(customerGroupCustomer)
      .values(pairs.map((pair) => ({ ...pair, created_by: createdBy ?? null })))
      .onConflictDoNothing()
  }

  /** Memberships removed; absent ones are ignored. */
  async removeCustomers(pairs: { customer_group_id: string; customer_id: string }[]) {
    for (const pair of pairs)
      await this.db
        .delete(customerGroupCustomer)
        .where(
          and(
            eq(customerGroupCustomer.customer_group_id, pair.customer_group_id),
            eq(customerGroupCustomer.customer_id, pair.customer_id),
          ),
        )
  }

  /** The ids of the live groups a customer is in (promotion rules on customer.groups.id). */
  async groupIdsOf(customerId: string): Promise<string[]> {
    const rows = await this.db
      .select({ id: customerGroup.id })
      .from(customerGroupCustomer)
      .innerJoin(customerGroup, eq(customerGroup.id, customerGroupCustomer.customer_group_id))
      .where(and(eq(customerGroupCustomer.customer_id, customerId), isNull(customerGroup.deleted_at)))
      .orderBy(asc(customerGroup.id))
    return rows.map((row) => row.id)
  }

  /** Live groups by customer, for a page of customers at once. */
  async groupsOfCustomers(customerIds: string[]): Promise<Map<string, CustomerGroup[]>> {
    const byCustomer = new Map<string, CustomerGroup[]>()
    if (customerIds.length === 0) return byCustomer
    const rows = await this.db
      .select({ customer_id: customerGroupCustomer.customer_id, group: customerGroup })
      .from(customerGroupCustomer)
      .innerJoin(customerGroup, eq(customerGroup.id, customerGroupCustomer.customer_group_id))
      .where(and(inArray(customerGroupCustomer.customer_id, customerIds), isNull(customerGroup.deleted_at)))
      .orderBy(asc(customerGroup.name), asc(customerGroup.id))
    for (const row of rows) byCustomer.set(row.customer_id, [...(byCustomer.get(row.customer_id) ?? []), row.group])
    return byCustomer
  }

  /** Live customers by group, for a page of groups at once. */
  async customersOfGroups(groupIds: string[]): Promise<Map<string, (typeof customer.$inferSelect)[]>> {
    const byGroup = new Map<string, (typeof customer.$inferSelect)[]>()
    if (groupIds.length === 0) return byGroup
    const rows = await this.db
      .select({ group_id: customerGroupCustomer.customer_group_id, customer })
      .from(customerGroupCustomer)
      .innerJoin(customer, eq(customer.id, customerGroupCustomer.customer_id))
      .where(and(inArray(customerGroupCustomer.customer_group_id, groupIds), isNull(customer.deleted_at)))
      .orderBy(asc(customer.created_at), asc(customer.id))
    for (const row of rows) byGroup.set(row.group_id, [...(byGroup.get(row.group_id) ?? []), row.customer])
    return byGroup
  }

  private async requireGroups(ids: string[]) {
    const found = await this.db
      .select({ id: customerGroup.id })
      .from(customerGroup)
      .where(and(inArray(customerGroup.id, ids), isNull(customerGroup.deleted_at)))
    const missing = ids.filter((id) => !found.some((row) => row.id === id))
    if (missing.length > 0)
      throw new MedusaError("not_found", `Customer group with id: ${missing.join(", ")} was not found`)
  }

  private async requireCustomers(ids: string[]) {
    const found = await this.db
      .select({ id: customer.id })
      .from(customer)
      .where(and(inArray(customer.id, ids), isNull(customer.deleted_at)))
    const missing = ids.filter((id) => !found.some((row) => row.id === id))
    if (missing.length > 0) throw new MedusaError("not_found", `Customer with id: ${missing.join(", ")} was not found`)
  }

  private duplicate(name: string) {
    return new MedusaError("duplicate_error", `Customer group with name: ${name}, already exists.`)
  }
}
