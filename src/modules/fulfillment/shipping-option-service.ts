import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm"
import type { Ordering } from "../../core/query/params"
import { MedusaError } from "../../core/errors"
import { generateId } from "../../core/ids"
import { searchAny } from "../../core/query/filters"
import { listPage, type Page, orderBy, type DateFilters } from "../../core/query/page"
import type { Db } from "../../infra/db"
import {
  fulfillmentProvider,
  serviceZone,
  shippingOption,
  shippingOptionRule,
  shippingOptionType,
  shippingProfile,
} from "./schema"
import type { ShippingOptionInput } from "./service"

type ShippingOption = typeof shippingOption.$inferSelect
type RuleOperator = (typeof shippingOptionRule.$inferInsert)["operator"]
export interface RuleInput {
  attribute: string
  operator: RuleOperator
  value: string | string[]
}
/**
 * An option as the Admin API writes it: its type is either made inline (`type`, a new type row
 * for this option) or an existing one picked by id (`type_id`, what the dashboard sends).
 */
export type ShippingOptionWrite = Omit<ShippingOptionInput, "type"> & {
  type?: ShippingOptionInput["type"]
  type_id?: string
}
/** An edit: any part of an option; rules may come back with their ids (the dashboard's edit form). */
export type ShippingOptionPatch = Partial<Omit<ShippingOptionWrite, "rules">> & {
  rules?: (NonNullable<ShippingOptionInput["rules"]>[number] & { id?: string })[]
}
export interface ShippingOptionFilters {
  id?: string[]
  q?: string
  service_zone_id?: string[]
  shipping_profile_id?: string[]
  provider_id?: string[]
}

/** The Admin API's shipping options: listed, read, edited and soft-deleted. */
export class ShippingOptionService {
  constructor(private readonly db: Db) {}

  async list(filters: ShippingOptionFilters & DateFilters, ordering: Ordering, page: Page) {
    const conditions: (SQL | undefined)[] = [isNull(shippingOption.deleted_at)]
    if (filters.id) conditions.push(inArray(shippingOption.id, filters.id))
    if (filters.service_zone_id) conditions.push(inArray(shippingOption.service_zone_id, filters.service_zone_id))
    if (filters.shipping_profile_id)
      conditions.push(inArray(shippingOption.shipping_profile_id, filters.shipping_profile_id))
    if (filters.provider_id) conditions.push(inArray(shippingOption.provider_id, filters.provider_id))
    if (filters.q) conditions.push(searchAny([shippingOption.name], filters.q))
    return listPage(
      this.db,
      shippingOption,
      and(...conditions),
      orderBy(shippingOption, ordering, shippingOption.id),
      page,
      filters,
    )
  }

  async retrieve(id: string): Promise<ShippingOption> {
    const [found] = await this.db
      .select()
      .from(shippingOption)
      .where(and(eq(shippingOption.id, id), isNull(shippingOption.deleted_at)))
    if (!found) throw new MedusaError("not_found", `Shipping option with id: ${id} was not found`)
    return found
  }

  /** Medusa's createShippingOptions: the option, its type (made or picked) and its rules; answers the row. */
  async create(input: ShippingOptionWrite) {
    const typeId = await this.typeIdFor(input)
    if (!typeId) throw new MedusaError("invalid_data", "A shipping option needs a type: type_id or type")
    const [option] = await this.db
      .insert(shippingOption)
      .values({
        id: generateId("so"),
        name: input.name,
        price_type: input.price_type ?? "flat",
        service_zone_id: input.service_zone_id,
        shipping_profile_id: input.shipping_profile_id,
        provider_id: input.provider_id,
        shipping_option_type_id: typeId,
        data: input.data ?? null,
        metadata: input.metadata ?? null,
      })
      .returning()
    if (input.rules?.length)
      await this.db
        .insert(shippingOptionRule)
        .values(input.rules.map((rule) => ({ id: generateId("sorul"), shipping_option_id: option!.id, ...rule })))
    return option!
  }

  /**
   * The type an option is given: a new row for `type`, or `type_id` checked to be a live type
   * (404 otherwise). `current` is the option's own type, which an edit may send back unchanged
   * even after that type was deleted.
   */
  private async typeIdFor(input: Pick<ShippingOptionWrite, "type" | "type_id">, current?: string | null) {
    if (input.type_id !== undefined) {
      if (input.type_id === current) return current
      const [found] = await this.db
        .select({ id: shippingOptionType.id })
        .from(shippingOptionType)
        .where(and(eq(shippingOptionType.id, input.type_id), isNull(shippingOptionType.deleted_at)))
      if (!found) throw new MedusaError("not_found", `Shipping option type with id: ${input.type_id} was not found`)
      return found.id
    }
    if (!input.type) return undefined
    const [created] = await this.db
      .insert(shippingOptionType)
      .values({ id: generateId("sotype"), ...input.type })
      .returning({ id: shippingOptionType.id })
    return created!.id
  }

  /** Live rules of the options, values as strings (or lists of them). */
  async rulesOf(optionIds: string[]) {
    if (optionIds.length === 0) return []
    const rules = await this.db
      .select()
      .from(shippingOptionRule)
      .where(and(inArray(shippingOptionRule.shipping_option_id, optionIds), isNull(shippingOptionRule.deleted_at)))
      .orderBy(asc(shippingOptionRule.id))
    return rules.map((rule) => ({ ...rule, value: ruleValue(rule.value) }))
  }

  async typesByIds(ids: string[]) {
    if (ids.length === 0) return []
    return this.db.select().from(shippingOptionType).where(inArray(shippingOptionType.id, ids))
  }

  /**
   * Medusa's rules batch of one option: rules to add, to change (by id, of this option) and to
   * remove. Answers the ids created, updated and deleted.
   */
  async batchRules(
    optionId: string,
    batch: { create: RuleInput[]; update: (RuleInput & { id: string })[]; delete: string[] },
  ) {
    await this.retrieve(optionId)
    const own = and(eq(shippingOptionRule.shipping_option_id, optionId), isNull(shippingOptionRule.deleted_at))
    const wanted = [...batch.update.map((rule) => rule.id), ...batch.delete]
    const found = wanted.length
      ? await this.db
          .select({ id: shippingOptionRule.id })
          .from(shippingOptionRule)
          .where(and(own, inArray(shippingOptionRule.id, wanted)))
      : []
    const missing = wanted.filter((id) => !found.some((rule) => rule.id === id))
    if (missing.length)
      throw new MedusaError(
        "not_found",
        `Shipping option rules with ids ${[...new Set(missing)].join(", ")} were not found for shipping option ${optionId}`,
      )
    if (batch.delete.length)
      await this.db
        .update(shippingOptionRule)
        .set({ deleted_at: new Date() })
        .where(and(own, inArray(shippingOptionRule.id, batch.delete)))
    for (const { id, ...rule } of batch.update) {
      await this.db
        .update(shippingOptionRule)
        .set({ ...rule, updated_at: new Date() })
        .where(eq(shippingOptionRule.id, id))
    }
    const created = batch.create.length
      ? await this.db
          .insert(shippingOptionRule)
          .values(batch.create.map((rule) => ({ id: generateId("sorul"), shipping_option_id: optionId, ...rule })))
          .returning({ id: shippingOptionRule.id })
      : []
    return {
      created: created.map((rule) => rule.id),
      updated: batch.update.map((rule) => rule.id),
      deleted: batch.delete,
    }
  }

  /** Rules by id, as the batch answers them. */
  async rulesByIds(ids: string[]) {
    if (ids.length === 0) return []
    const rules = await this.db
      .select()
      .from(shippingOptionRule)
      .where(inArray(shippingOptionRule.id, ids))
      .orderBy(asc(shippingOptionRule.id))
    return rules.map((rule) => ({ ...rule, value: ruleValue(rule.value) }))
  }

  /** Checks what an option points at, so that a wrong id is a 404 naming it rather than a foreign-key failure. */
  async assertReferences(input: { service_zone_id?: string; shipping_profile_id?: string; provider_id?: string }) {
    const exists = async (table: typeof serviceZone | typeof shippingProfile, id: string) =>
      (
        await this.db
          .select({ id: table.id })
          .from(table)
          .where(and(eq(table.id, id), isNull(table.deleted_at)))
      ).length > 0
    if (input.service_zone_id && !(await exists(serviceZone, input.service_zone_id))) {
      throw new MedusaError("not_found", `Service zone with id: ${input.service_zone_id} was not found`)
    }
    if (input.shipping_profile_id && !(await exists(shippingProfile, input.shipping_profile_id))) {
      throw new MedusaError("not_found", `Shipping profile with id: ${input.shipping_profile_id} was not found`)
    }
    if (input.provider_id) {
      const [provider] = await this.db
        .select()
        .from(fulfillmentProvider)
        .where(eq(fulfillmentProvider.id, input.provider_id))
      if (!provider)
        throw new MedusaError("not_found", `Fulfillment provider with id: ${input.provider_id} was not found`)
    }
  }

  /**
   * Updates the given fields; `type` gets a new type row, `type_id` picks an existing one, `rules`
   * replace the old ones (an `id` the dashboard sends back with a rule is not kept).
   */
  async update(id: string, input: ShippingOptionPatch) {
    const option = await this.retrieve(id)
    await this.assertReferences(input)
    const { type, type_id, rules: given, ...columns } = input
    const rules = given?.map(({ id: _id, ...rule }) => rule)
    const values: Partial<typeof shippingOption.$inferInsert> = { ...columns, updated_at: new Date() }
    const typeId = await this.typeIdFor({ type, type_id }, option.shipping_option_type_id)
    if (typeId) values.shipping_option_type_id = typeId
    await this.db.update(shippingOption).set(values).where(eq(shippingOption.id, id))
    if (rules) {
      await this.db
        .update(shippingOptionRule)
        .set({ deleted_at: new Date() })
        .where(and(eq(shippingOptionRule.shipping_option_id, id), isNull(shippingOptionRule.deleted_at)))
      if (rules.length)
        await this.db
          .insert(shippingOptionRule)
          .values(rules.map((rule) => ({ id: generateId("sorul"), shipping_option_id: id, ...rule })))
    }
  }

  /** Soft delete, as Medusa's: carts are no longer offered the option. */
  async softDelete(id: string) {
    const [deleted] = await this.db
      .update(shippingOption)
      .set({ deleted_at: new Date() })
      .where(and(eq(shippingOption.id, id), isNull(shippingOption.deleted_at)))
      .returning({ id: shippingOption.id })
    if (!deleted) throw new MedusaError("not_found", `Shipping option with id: ${id} was not found`)
  }
}

/**
 * Rule values are strings or lists of strings; drizzle parses a jsonb string a second time
 * ("false" comes back as false), so they are turned back into strings.
 */
function ruleValue(value: unknown): string | string[] {
  return Array.isArray(value) ? value.map(String) : String(value)
}
